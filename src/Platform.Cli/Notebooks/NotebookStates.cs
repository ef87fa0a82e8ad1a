namespace Platform.Cli.Notebooks;

/// <summary>The notebook states of the public contract, as the strings the API sends.</summary>
public static class NotebookStates
{
    public const string Pending = "Pending";
    public const string Starting = "Starting";
    public const string Ready = "Ready";
    public const string Stopped = "Stopped";
    public const string Culled = "Culled";
    public const string Failed = "Failed";

    /// <summary>True while it may still become Ready: waiting for GPUs, or Jupyter starting.</summary>
    public static bool IsWaiting(Notebook notebook) => notebook.State is Pending or Starting;

    /// <summary>True once it is over for good: stopped, culled for idleness, or failed.</summary>
    public static bool HasEnded(Notebook notebook) => notebook.State is Stopped or Culled or Failed;
}
