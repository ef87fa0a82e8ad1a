namespace Platform.Contracts.Notebooks;

/// <summary>API.md's notebook states. <see cref="Stopped"/>, <see cref="Culled"/> and <see cref="Failed"/> are final.</summary>
[GenerateSerializer]
public enum NotebookState { Pending, Starting, Ready, Stopped, Culled, Failed }

public static class NotebookStates
{
    public static bool IsFinished(this NotebookState state) =>
        state is NotebookState.Stopped or NotebookState.Culled or NotebookState.Failed;
}
