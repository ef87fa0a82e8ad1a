namespace Platform.Gateway.Hubs;

/// <summary>The client methods the hub calls, named exactly as API.md names them.</summary>
public static class HubMethods
{
    public const string JobUpdated = "jobUpdated";
    public const string LogLines = "logLines";
    public const string MetricPoints = "metricPoints";
    public const string NotebookUpdated = "notebookUpdated";
}
