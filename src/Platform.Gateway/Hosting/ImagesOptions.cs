namespace Platform.Gateway.Hosting;

/// <summary>The <c>Platform:Images</c> section: which images jobs may run (names or globs).</summary>
public sealed class ImagesOptions
{
    public const string Section = "Platform:Images";

    public List<string> Allowed { get; set; } = [];
}
