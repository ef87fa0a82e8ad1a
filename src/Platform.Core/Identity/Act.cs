namespace Platform.Core.Identity;

/// <summary>What a caller wants to do with a resource.</summary>
public enum Act
{
    /// <summary>See it: get, list, logs, events, metrics, subscribe.</summary>
    Read,
    /// <summary>Make one: submit a job, start a notebook, create a token, write a secret.</summary>
    Create,
    /// <summary>End or remove it: cancel a job, stop a notebook, revoke a token.</summary>
    Stop,
    /// <summary>Reach inside it: a notebook's Jupyter through the proxy.</summary>
    Use,
    /// <summary>Take a node out of scheduling.</summary>
    Drain,
}
