namespace Platform.Contracts.Jobs;

[GenerateSerializer]
public enum JobState { Pending, Running, Restarting, Succeeded, Failed, Cancelled }

[GenerateSerializer]
public enum TaskState { Pending, Starting, Running, Succeeded, Failed, Lost, Killed }

public static class JobStates
{
    public static bool IsFinished(this JobState state) =>
        state is JobState.Succeeded or JobState.Failed or JobState.Cancelled;

    public static bool IsFinished(this TaskState state) =>
        state is TaskState.Succeeded or TaskState.Failed or TaskState.Lost or TaskState.Killed;
}
