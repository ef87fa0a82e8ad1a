using System.Text.RegularExpressions;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Frameworks;

/// <summary>The framework images scripts/images.sh builds, as their Dockerfiles declare them.</summary>
public static partial class FrameworkImages
{
    /// <summary>The images of this repository's samples whose framework and version the tests know.</summary>
    public static readonly IReadOnlyList<(string Image, string Framework, string Version)> Ours =
    [
        ("platform/hello-ps:1.0", "python", "3"),
        ("platform/pytorch:2.6-cpu", "pytorch", "2.6"),
        ("platform/pytorch:1.13-cpu", "pytorch", "1.13"),
        ("platform/mlnet:5.0", "mlnet", "5.0"),
        ("platform/torchsharp:0.107-cpu", "torchsharp", "0.107"),
    ];

    /// <summary>
    /// Every Dockerfile scripts/images.sh builds (samples/*, samples/training/*, jupyter/): its
    /// <c># image:</c> line and its framework labels (null when a label is missing).
    /// </summary>
    public static IReadOnlyList<(string Dockerfile, string Image, string? Framework, string? Version)> Declared()
    {
        var root = Samples.RepositoryRoot();
        string[] folders = [.. Directory.GetDirectories(Path.Combine(root, "samples")),
            .. Directory.Exists(Path.Combine(root, "samples", "training")) ? Directory.GetDirectories(Path.Combine(root, "samples", "training")) : [],
            Path.Combine(root, "jupyter")];
        return [.. folders.Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "Dockerfile*"))
            .Where(file => !file.EndsWith(".dockerignore", StringComparison.Ordinal))
            .Select(file => (File: file, Text: File.ReadAllText(file)))
            .Select(dockerfile => (
                Path.GetRelativePath(root, dockerfile.File),
                ImageLine().Match(dockerfile.Text).Groups[1].Value,
                Label(dockerfile.Text, FrameworkLabel()),
                Label(dockerfile.Text, VersionLabel())))
            .Where(declared => declared.Item2.Length > 0)];
    }

    private static string? Label(string dockerfile, Regex label) => label.Match(dockerfile) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"\A#\s*image:\s*(\S+)")]
    private static partial Regex ImageLine();

    [GeneratedRegex("platform\\.framework=\"([^\"]+)\"")]
    private static partial Regex FrameworkLabel();

    [GeneratedRegex("platform\\.framework\\.version=\"([^\"]+)\"")]
    private static partial Regex VersionLabel();
}
