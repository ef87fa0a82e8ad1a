using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Platform.Contracts.Nodes;

namespace Platform.Grains.Secrets;

/// <summary>
/// Keeps a task's secret environment encrypted in the node's stored desired state: sealed when the
/// node grain stores an assignment, opened only when its agent asks for its tasks. Values stored before
/// sealing existed (no <see cref="Prefix"/>) are passed on as they are.
/// </summary>
public sealed partial class AssignmentSealer(IDataProtectionProvider provider, ILogger<AssignmentSealer> logger)
{
    /// <summary>Marks a sealed value: a job secret (base64url) or a Jupyter token (hex) never holds ':'.</summary>
    public const string Prefix = "dp1:";

    private readonly IDataProtector _protector = provider.CreateProtector("Platform.Secrets.v1/assignments");

    public TaskAssignment Seal(TaskAssignment assignment) => assignment.SecretEnv.Count == 0 ? assignment : assignment with
    {
        SecretEnv = assignment.SecretEnv.ToDictionary(entry => entry.Key, entry => Seal(entry.Value), StringComparer.Ordinal),
    };

    /// <summary>One secret value, sealed for storage (a value sealed already is kept as it is).</summary>
    public string Seal(string value) => value.StartsWith(Prefix, StringComparison.Ordinal) ? value : Prefix + _protector.Protect(value);

    /// <summary>One stored value, opened; a value stored before sealing existed as it is; null when the key ring lost its key.</summary>
    public string? TryOpen(string value)
    {
        if (!value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return value;
        }

        try
        {
            return _protector.Unprotect(value[Prefix.Length..]);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public TaskAssignment Open(TaskAssignment assignment)
    {
        if (assignment.SecretEnv.Count == 0)
        {
            return assignment;
        }

        var opened = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in assignment.SecretEnv)
        {
            if (TryOpen(value) is { } open)
            {
                opened[name] = open;
            }
            else
            {
                // The key ring lost the key: the task starts without the variable rather than stall the node's every task.
                LogUnreadable(logger, name, assignment.JobId, assignment.Task);
            }
        }

        return assignment with { SecretEnv = opened };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The secret variable {Name} of {JobId}/{Task} cannot be decrypted (is the keys folder of the data directory complete?); the task gets none")]
    private static partial void LogUnreadable(ILogger logger, string name, string jobId, string task);
}
