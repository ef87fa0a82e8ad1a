using Microsoft.Extensions.Options;
using Platform.Contracts.Jobs;

namespace Platform.Worker.Agent;

/// <summary>Stops start-up on a configuration the agent cannot run with, naming the setting.</summary>
public sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
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

        if (string.IsNullOrWhiteSpace(options.NodeId))
        {
            failures.Add("Platform:Worker:NodeId must not be empty.");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
