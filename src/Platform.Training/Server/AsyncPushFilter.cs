namespace Platform.Training.Server;

/// <summary>
/// Decides, for asynchronous mode, whether a push is applied: each sender numbers its pushes within a
/// session (one client object), so a retry of an applied push is recognized; a bound on staleness drops
/// gradients computed from values too many steps old.
/// </summary>
internal sealed class AsyncPushFilter(long maxStaleness)
{
    private readonly Dictionary<int, (string Session, long Sequence)> _last = [];

    public AsyncOffer Decide(int rank, string session, long sequence, long pushedStep, long currentStep)
    {
        if (_last.TryGetValue(rank, out var last) && last.Session == session && sequence <= last.Sequence)
        {
            return AsyncOffer.Duplicate;
        }

        _last[rank] = (session, sequence);
        return maxStaleness > 0 && currentStep - pushedStep > maxStaleness ? AsyncOffer.TooStale : AsyncOffer.Apply;
    }
}
