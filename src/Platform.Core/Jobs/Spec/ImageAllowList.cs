namespace Platform.Core.Jobs.Spec;

/// <summary>
/// The images the platform may run: exact names (<c>platform/sample</c>) or glob patterns where
/// <c>*</c> stands for any run of characters, <c>/</c> and <c>:</c> included (<c>platform/*</c>,
/// <c>debian:*</c>), and <c>?</c> for any one character. Matching is exact and case-sensitive, with
/// no implicit <c>:latest</c>. An empty list allows nothing.
/// </summary>
public sealed class ImageAllowList
{
    /// <summary>Builds the list; blank patterns are ignored.</summary>
    /// <param name="patterns">Exact image names or glob patterns.</param>
    public ImageAllowList(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        Patterns = [.. patterns.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim())];
    }

    /// <summary>The patterns in the order given.</summary>
    public IReadOnlyList<string> Patterns { get; }

    /// <summary>True when <paramref name="image"/> matches at least one pattern.</summary>
    public bool IsAllowed(string image) =>
        !string.IsNullOrEmpty(image) && Patterns.Any(p => Glob.IsMatch(p, image));
}
