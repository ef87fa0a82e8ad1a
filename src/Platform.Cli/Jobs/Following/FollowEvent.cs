namespace Platform.Cli.Jobs.Following;

/// <summary>Something that happened while following a job, in the order it happened.</summary>
public abstract record FollowEvent
{
    /// <summary>Read the job again over REST: after a reconnect, or on the periodic check.</summary>
    public static readonly FollowEvent Resync = new ResyncEvent();

    private sealed record ResyncEvent : FollowEvent;
}

/// <summary>The hub's <c>jobUpdated</c>.</summary>
public sealed record JobChanged(Job Job) : FollowEvent;

/// <summary>The hub's <c>logLines</c>.</summary>
public sealed record LinesArrived(IReadOnlyList<LogLine> Lines) : FollowEvent;

/// <summary>The hub connection is gone and will not come back by itself.</summary>
public sealed record HubClosed(Exception? Error) : FollowEvent;
