namespace Platform.Silo;

/// <summary>The <c>Platform</c> configuration section shared by the silo and the embedded gateway.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>Where the embedded mode keeps its SQLite files.</summary>
    public string DataDir { get; set; } = DefaultDataDir;

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    public static string DefaultDataDir =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "platform");
}
