namespace Platform.Cli.Images;

/// <summary><c>GET /api/images</c>: the allow-list's patterns and the framework images the nodes have.</summary>
public sealed record ImageCatalog
{
    public IReadOnlyList<string> Allowed { get; init; } = [];

    public IReadOnlyList<FrameworkImage> Images { get; init; } = [];
}
