using Platform.Contracts.Nodes;
using Platform.Core.Jobs.Spec;

namespace Platform.Core.Images;

/// <summary>
/// Merges the framework images the nodes report into one list of what jobs may run: one entry per
/// image name on the allow-list, with the nodes that have it. Untagged images are left out (a job
/// cannot name them). Nodes that disagree on an image's framework or version give one entry each,
/// so the difference shows instead of being hidden.
/// </summary>
public static class FrameworkImageCatalog
{
    private const double BytesPerMb = 1024 * 1024;

    public static IReadOnlyList<FrameworkImage> Build(ImageAllowList allowed, IReadOnlyDictionary<string, IReadOnlyList<NodeImage>> imagesByNode)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        ArgumentNullException.ThrowIfNull(imagesByNode);
        return [.. imagesByNode
            .SelectMany(node => node.Value.SelectMany(image => image.Tags.Select(tag => (Node: node.Key, Tag: tag, Image: image))))
            .Where(entry => IsName(entry.Tag) && allowed.IsAllowed(entry.Tag))
            .GroupBy(entry => (entry.Tag, entry.Image.Framework, entry.Image.FrameworkVersion))
            .Select(group => new FrameworkImage(
                group.Key.Tag,
                group.Key.Framework,
                group.Key.FrameworkVersion,
                [.. group.Select(entry => entry.Node).Distinct().Order(StringComparer.Ordinal)],
                Math.Round(group.Max(entry => entry.Image.SizeBytes) / BytesPerMb, 1),
                group.Max(entry => entry.Image.Created)))
            .OrderBy(image => image.Image, StringComparer.Ordinal)
            .ThenBy(image => image.FrameworkVersion, StringComparer.Ordinal)
            .ThenBy(image => image.Framework, StringComparer.Ordinal)];
    }

    /// <summary>The engine names an untagged image <c>&lt;none&gt;:&lt;none&gt;</c>.</summary>
    private static bool IsName(string tag) => !string.IsNullOrWhiteSpace(tag) && !tag.Contains("<none>", StringComparison.Ordinal);
}
