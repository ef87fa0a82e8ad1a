namespace Platform.Cli.Images;

/// <summary>One entry of <c>GET /api/images</c>: an allowed image some node has, with its framework.</summary>
public sealed record FrameworkImage
{
    public required string Image { get; init; }

    public string Framework { get; init; } = "";

    public string FrameworkVersion { get; init; } = "";

    public IReadOnlyList<string> Nodes { get; init; } = [];

    public double SizeMb { get; init; }

    public DateTimeOffset Created { get; init; }
}
