namespace Platform.Training;

/// <summary>How the parameter servers apply pushed gradients.</summary>
public enum UpdateMode
{
    /// <summary>Each step waits for every participant's gradient, averages them and applies the optimizer once.</summary>
    Synchronous,

    /// <summary>Each gradient is applied as it arrives, to whatever the parameters are by then.</summary>
    Asynchronous,
}
