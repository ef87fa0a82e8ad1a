using Platform.Core.Scheduling;
using Platform.Core.Scheduling.Policy;

namespace Platform.Core.Tests.Scheduling.Policy;

/// <summary>Short builders of sharing policies for the policy tables.</summary>
internal static class Policies
{
    public static TeamQuotaSettings Team(string? cohort, int gpus, int? borrow = null, int? lend = null, long? memoryMb = null, string pool = "a100", double weight = 1) =>
        new()
        {
            Cohort = cohort,
            Weight = weight,
            Pools = new()
            {
                [pool] = new()
                {
                    Gpus = gpus,
                    MemoryMb = memoryMb,
                    BorrowingLimit = borrow is null ? null : new() { Gpus = borrow },
                    LendingLimit = lend is null ? null : new() { Gpus = lend },
                },
            },
        };

    public static SharingPolicy Build(
        Dictionary<string, TeamQuotaSettings> teams, ReclaimWithinCohort reclaim = ReclaimWithinCohort.Any, bool acrossTeams = false) =>
        new SchedulingOptions
        {
            Pools = new() { ["a100"] = new() { NodeLabels = new() { ["gpu-model"] = "a100" } } },
            TeamQuotas = teams,
            ReclaimWithinCohort = reclaim,
            PreemptAcrossTeams = acrossTeams,
        }.SharingPolicy();

    /// <summary>
    /// Cohort research: vision (8 GPUs, borrows up to 4, lends all), nlp (8, lends 4), speech (4, borrows
    /// nothing); solo (4) in no cohort; mem (memory 1000 MB) in no cohort. Any other team is unlimited.
    /// </summary>
    public static SharingPolicy Research { get; } = Build(new()
    {
        ["vision"] = Team("research", 8, borrow: 4),
        ["nlp"] = Team("research", 8, lend: 4),
        ["speech"] = Team("research", 4, borrow: 0),
        ["solo"] = Team(null, 4),
        ["mem"] = Team(null, 100, memoryMb: 1000),
    });

    public static Amount Gpus(long gpus) => new(gpus, 0, 0);
}
