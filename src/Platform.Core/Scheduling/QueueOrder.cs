using Platform.Contracts.Jobs;
using Platform.Contracts.Scheduling;

namespace Platform.Core.Scheduling;

/// <summary>The order the scheduler tries queued jobs in, and the facts it keeps per team.</summary>
public static class QueueOrder
{
    /// <summary>Highest priority value first, then oldest; the job id breaks a tie so the order never depends on the list's.</summary>
    public static IReadOnlyList<JobRequest> Sort(IEnumerable<JobRequest> queue) =>
        [.. queue.OrderByDescending(job => job.PriorityValue).ThenBy(job => job.SubmittedAt).ThenBy(job => job.JobId, StringComparer.Ordinal)];

    /// <summary>
    /// A request stored before teams and classes were carried, given the default team and
    /// <paramref name="defaultClass"/>; any other request as it is.
    /// </summary>
    public static JobRequest Upgrade(JobRequest request, PriorityClass defaultClass)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(defaultClass);
        return request.PriorityClass is null || request.Team is null
            ? request with
            {
                Team = request.Team ?? JobSpecDefaults.Team,
                PriorityClass = request.PriorityClass ?? defaultClass.Name,
                PriorityValue = request.PriorityClass is null ? defaultClass.Value : request.PriorityValue,
            }
            : request;
    }

    /// <summary>The queue in order with its pending count per team.</summary>
    public static QueueView View(IEnumerable<JobRequest> queue)
    {
        var ordered = Sort(queue);
        var teams = ordered.GroupBy(job => job.Team ?? JobSpecDefaults.Team, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        return new QueueView(ordered, teams);
    }
}
