using Microsoft.Extensions.Logging;

namespace Platform.Worker.Agent;

internal static partial class ProcessTaskWarnings
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The process runtime is on without Platform:Worker:TaskUser: its tasks run as this agent's user and can read "
        + "what it reads, {DataDir} included (the admin token, the CA's keys). Set TaskUser to a user that cannot read it wherever untrusted jobs run.")]
    public static partial void RunsAsAgent(ILogger logger, string dataDir);
}
