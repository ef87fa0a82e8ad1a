namespace Platform.Worker.Agent;

internal static class ExceptionExtensions
{
    public static bool IsCancellation(this Exception exception) => exception is OperationCanceledException;
}
