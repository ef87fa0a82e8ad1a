namespace Platform.Grains.Tests;

/// <summary>Polls until a condition holds, up to a deadline: one-way calls arrive a little later.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Deadline.TotalSeconds:0} s for {what}; last seen: {value}");
            }

            await Task.Delay(10);
        }
    }
}
