namespace Platform.Core.Images;

/// <summary>One allow-listed image as <c>GET /api/images</c> lists it: its framework and the nodes that have it.</summary>
/// <param name="Image">The image name with its tag, as a job spec names it.</param>
/// <param name="Framework">The image's <c>platform.framework</c> label.</param>
/// <param name="FrameworkVersion">The image's <c>platform.framework.version</c> label.</param>
/// <param name="Nodes">Ids of the nodes that have it, in order.</param>
/// <param name="SizeMb">Its size in MB (the largest any node reports).</param>
/// <param name="Created">When it was built (the latest any node reports).</param>
public sealed record FrameworkImage(
    string Image,
    string Framework,
    string FrameworkVersion,
    IReadOnlyList<string> Nodes,
    double SizeMb,
    DateTimeOffset Created);
