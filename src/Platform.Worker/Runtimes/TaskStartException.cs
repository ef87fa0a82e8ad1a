namespace Platform.Worker.Runtimes;

/// <summary>A task attempt could not be started; the message says why and what to do.</summary>
public sealed class TaskStartException(string message, Exception? inner = null) : Exception(message, inner);
