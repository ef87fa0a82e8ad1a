namespace Platform.E2E.Tests.Infrastructure;

/// <summary>Polls a condition that involves real processes until it holds or a deadline passes.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task> assertion, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception exception) when (exception is not GaveUpException)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Gave up after {timeout.TotalSeconds:F0} s waiting for {what}: {exception.Message}", exception);
                }

                await Task.Delay(250);
            }
        }
    }
}

/// <summary>Thrown inside a polled condition when waiting longer cannot help.</summary>
public sealed class GaveUpException(string message) : Exception(message);
