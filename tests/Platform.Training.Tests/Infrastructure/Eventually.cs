namespace Platform.Training.Tests.Infrastructure;

/// <summary>Polls a condition that involves real processes until it holds or a deadline passes.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan timeout, Func<string> what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Gave up after {timeout.TotalSeconds:F0} s waiting for {what()}");
            }

            await Task.Delay(100);
        }
    }
}
