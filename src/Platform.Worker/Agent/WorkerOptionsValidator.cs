using Microsoft.Extensions.Options;
using System.Text.RegularExpressions;
using Platform.Contracts.Jobs;
using Platform.Worker.Runtimes;

namespace Platform.Worker.Agent;

/// <summary>Stops start-up on a configuration the agent cannot run with, naming the setting.</summary>
public sealed partial class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    /// <summary>The fewest pids a task may be limited to (16): a shell and a few helpers.</summary>
    public const int MinPids = 16;

    /// <summary>The kernel's largest <c>pid_max</c> (4,194,304).</summary>
    public const int MaxPids = 4_194_304;

    public const int MaxLogFiles = 100;

    /// <summary>The fewest open files a task may be limited to (1,024, the usual soft default).</summary>
    public const long MinNofile = 1024;

    /// <summary>The kernel's default <c>fs.nr_open</c> (1,048,576), above which no process can raise its limit.</summary>
    public const long MaxNofile = 1_048_576;

    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        var failures = new List<string>();
        if (options.PortStart is < 1024 or > 65535 || options.PortEnd < options.PortStart || options.PortEnd > 65535)
        {
            failures.Add($"Platform:Worker:PortStart..PortEnd must be a range within 1024..65535 (got {options.PortStart}..{options.PortEnd}).");
        }

        if (options.FakeGpuCount is < 0 or > 64)
        {
            failures.Add($"Platform:Worker:FakeGpuCount must be between 0 and 64 (got {options.FakeGpuCount}).");
        }

        var unknown = options.RuntimeList.Except(TaskRuntimes.All).ToList();
        if (options.RuntimeList.Count == 0 || unknown.Count > 0)
        {
            failures.Add($"Platform:Worker:Runtimes must list docker and/or process (got '{options.Runtimes}').");
        }

        if (!string.IsNullOrEmpty(options.VolumesPath) && !Path.IsPathFullyQualified(options.VolumesPath))
        {
            failures.Add($"Platform:Worker:VolumesPath must be an absolute directory (got '{options.VolumesPath}').");
        }

        if (options.ImageScanSeconds is < 1 or > 3600)
        {
            failures.Add($"Platform:Worker:ImageScanSeconds must be between 1 and 3600 (got {options.ImageScanSeconds}).");
        }

        if (options.MaxPidsLimit is < MinPids or > MaxPids)
        {
            failures.Add($"Platform:Worker:MaxPidsLimit must be between {MinPids} and {MaxPids} (got {options.MaxPidsLimit}).");
        }

        var maxPids = options.MaxPidsLimit is >= MinPids and <= MaxPids ? options.MaxPidsLimit : MaxPids;
        if (options.PidsLimit < MinPids || options.PidsLimit > maxPids)
        {
            failures.Add($"Platform:Worker:PidsLimit must be between {MinPids} and Platform:Worker:MaxPidsLimit ({maxPids}) (got {options.PidsLimit}).");
        }

        if (!LogSize().IsMatch(options.LogMaxSize ?? ""))
        {
            failures.Add($"Platform:Worker:LogMaxSize must be a size of 1k to 999g such as 50m (a number and k, m or g) (got '{options.LogMaxSize}').");
        }

        if (options.LogMaxFiles is < 1 or > MaxLogFiles)
        {
            failures.Add($"Platform:Worker:LogMaxFiles must be between 1 and {MaxLogFiles} (got {options.LogMaxFiles}).");
        }

        if (options.NofileLimit is not null and (< MinNofile or > MaxNofile))
        {
            failures.Add($"Platform:Worker:NofileLimit must be between {MinNofile} and {MaxNofile} (got {options.NofileLimit}).");
        }

        if (!TaskUser.TryParse(options.TaskUser, out _))
        {
            failures.Add($"Platform:Worker:TaskUser must be uid:gid or uid, numbers from 0 to {TaskUser.MaxId} (got '{options.TaskUser}').");
        }

        if (string.IsNullOrWhiteSpace(options.NodeId))
        {
            failures.Add("Platform:Worker:NodeId must not be empty.");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }

    [GeneratedRegex("^[1-9][0-9]{0,2}[kmg]$")]
    private static partial Regex LogSize();
}
