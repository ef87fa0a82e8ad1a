namespace Platform.Core.Telemetry;

/// <summary>What the metrics endpoint answers a caller: the metrics, 401 (who are you?) or 403 (not yours to read).</summary>
public enum ScrapeDecision
{
    Allowed,
    Unauthorized,
    Forbidden,
}
