namespace Platform.Core.Scheduling;

/// <summary>One entry of <c>Platform:Scheduling:PriorityClasses</c> (see <see cref="PriorityClass"/>).</summary>
public sealed class PriorityClassSettings
{
    public string Name { get; set; } = "";

    public int Value { get; set; }

    public bool Preemptible { get; set; }
}
