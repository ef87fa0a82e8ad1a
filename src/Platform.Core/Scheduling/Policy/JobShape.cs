using System.Globalization;
using System.Text;
using Platform.Contracts.Scheduling;

namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// What decides whether a job fits on given free capacity: its runtime, its deadline's end and its
/// tasks' sizes. Jobs of equal tasks (the common case) are keyed without building a string.
/// </summary>
internal readonly record struct JobShape(string Runtime, long End, int Tasks, int Gpus, long MilliCpus, long MemoryMb, string? Mixed)
{
    public static JobShape Of(JobRequest job, DateTimeOffset? end)
    {
        var first = job.Tasks.Count == 0 ? null : job.Tasks[0].Resources;
        var uniform = true;
        foreach (var task in job.Tasks)
        {
            uniform &= task.Resources == first;
        }

        return uniform
            ? new(job.Runtime, end?.UtcTicks ?? -1, job.Tasks.Count, first?.Gpus ?? 0,
                first is null ? 0 : ResourceAmount.ToMilli(first.Cpus), first?.MemoryMb ?? 0, null)
            : new(job.Runtime, end?.UtcTicks ?? -1, job.Tasks.Count, 0, 0, 0, Describe(job));
    }

    private static string Describe(JobRequest job)
    {
        var key = new StringBuilder();
        foreach (var task in job.Tasks.Select(t => t.Resources).OrderBy(r => r.Gpus).ThenBy(r => r.Cpus).ThenBy(r => r.MemoryMb))
        {
            key.Append('|').Append(task.Gpus).Append('/').Append(task.Cpus.ToString(CultureInfo.InvariantCulture)).Append('/').Append(task.MemoryMb);
        }

        return key.ToString();
    }
}
