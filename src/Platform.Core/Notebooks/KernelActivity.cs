namespace Platform.Core.Notebooks;

/// <summary>One kernel as Jupyter's <c>GET api/kernels</c> shows it: its execution state and last activity.</summary>
public sealed record KernelActivity(string ExecutionState, DateTimeOffset? LastActivity)
{
    public const string Busy = "busy";

    public bool IsBusy => ExecutionState == Busy;
}
