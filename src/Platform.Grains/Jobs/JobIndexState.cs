using Platform.Contracts.Jobs;

namespace Platform.Grains.Jobs;

[GenerateSerializer, Alias("platform.JobIndexState")]
public sealed class JobIndexState
{
    [Id(0)] public Dictionary<string, JobSummary> Jobs { get; set; } = [];
}
