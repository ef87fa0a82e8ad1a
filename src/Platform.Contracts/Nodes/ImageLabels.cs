namespace Platform.Contracts.Nodes;

/// <summary>The labels every platform image carries (see the samples' Dockerfiles).</summary>
public static class ImageLabels
{
    public const string Framework = "platform.framework";
    public const string FrameworkVersion = "platform.framework.version";
}
