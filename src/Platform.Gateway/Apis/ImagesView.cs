using Platform.Core.Images;

namespace Platform.Gateway.Apis;

/// <summary>
/// <c>GET /api/images</c>: the allow-list's patterns and the allowed framework images the live
/// nodes have, each with its framework, version and nodes.
/// </summary>
public sealed record ImagesView(IReadOnlyList<string> Allowed, IReadOnlyList<FrameworkImage> Images);
