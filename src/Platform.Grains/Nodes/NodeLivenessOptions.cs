namespace Platform.Grains.Nodes;

/// <summary>The <c>Platform:Nodes</c> section: when a silent node is declared Lost.</summary>
public sealed class NodeLivenessOptions
{
    public const string Section = "Platform:Nodes";

    /// <summary>Seconds without a heartbeat after which a node is Lost and its tasks are placed elsewhere.</summary>
    public double LostAfterSeconds { get; set; } = 40;

    public TimeSpan LostAfter => TimeSpan.FromSeconds(LostAfterSeconds);
}
