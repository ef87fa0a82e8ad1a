using Platform.Core.Scheduling;
using Platform.Core.Scheduling.Policy;
using Platform.Core.Settings;

namespace Platform.Core.Tests.Scheduling.Policy;

/// <summary>Bad pool, quota, cohort and fair-share settings stop start-up with a message naming the key.</summary>
public sealed class SharingSettingsTests
{
    private static SchedulingOptions With(
        Dictionary<string, TeamQuotaSettings>? teams = null, Dictionary<string, PoolSettings>? pools = null,
        Dictionary<string, CohortSettings>? cohorts = null, double halfLife = 60) => new()
        {
            TeamQuotas = teams ?? [],
            Pools = pools ?? new() { ["a100"] = new() { NodeLabels = new() { ["gpu-model"] = "a100" } } },
            Cohorts = cohorts ?? [],
            UsageHalfLifeMinutes = halfLife,
        };

    private static TeamQuotaSettings Team(string? cohort = null, double weight = 1, params (string Pool, QuotaSettings Quota)[] pools) =>
        new() { Cohort = cohort, Weight = weight, Pools = pools.ToDictionary(p => p.Pool, p => p.Quota) };

    public static TheoryData<string, SchedulingOptions, string?> Cases => new()
    {
        { "no sharing settings at all", new SchedulingOptions(), null },
        { "two teams of one cohort with quotas and limits", With(new()
            {
                ["vision"] = Team("research", 2, ("a100", new() { Gpus = 8, Cpus = 64, MemoryMb = 512_000, BorrowingLimit = new() { Gpus = 4 }, LendingLimit = new() { Gpus = 8 } })),
                ["nlp"] = Team("research", 1, ("a100", new() { Gpus = 8 }), ("default", new() { Gpus = 2 })),
            }, cohorts: new() { ["research"] = new() { ReclaimWithinCohort = ReclaimWithinCohort.Never } }), null },
        { "a half-life of zero", With(halfLife: 0), "Platform:Scheduling:UsageHalfLifeMinutes must be above 0 and at most 10080, got 0" },
        { "a half-life over a week", With(halfLife: 10_081), "Platform:Scheduling:UsageHalfLifeMinutes must be above 0 and at most 10080, got 10081" },
        { "a pool name that is not a DNS label", With(pools: new() { ["A100"] = new() { NodeLabels = new() { ["gpu"] = "a100" } } }),
            "Platform:Scheduling:Pools:A100: the pool name 'A100' is not a lowercase DNS label" },
        { "a pool without labels", With(pools: new() { ["spare"] = new() }), "Platform:Scheduling:Pools:spare:NodeLabels is empty" },
        { "a pool named default", With(pools: new() { ["default"] = new() { NodeLabels = new() { ["x"] = "y" } } }),
            "Platform:Scheduling:Pools:default: the pool 'default' takes every node no other pool matches" },
        { "a label with an empty value", With(pools: new() { ["a100"] = new() { NodeLabels = new() { ["gpu-model"] = "" } } }),
            "Platform:Scheduling:Pools:a100:NodeLabels:gpu-model has an empty key or value" },
        { "a quota in an unknown pool", With(new() { ["vision"] = Team(null, 1, ("h100", new() { Gpus = 8 })) }),
            "Platform:Scheduling:TeamQuotas:vision:Pools:h100 names a pool that is not configured; pools: a100, default" },
        { "negative nominal GPUs", With(new() { ["vision"] = Team(null, 1, ("a100", new() { Gpus = -1 })) }),
            "Platform:Scheduling:TeamQuotas:vision:Pools:a100:Gpus must be a number of at least 0, got -1" },
        { "negative nominal memory", With(new() { ["vision"] = Team(null, 1, ("a100", new() { MemoryMb = -5 })) }),
            "Platform:Scheduling:TeamQuotas:vision:Pools:a100:MemoryMb must be a number of at least 0, got -5" },
        { "a negative borrowing limit", With(new() { ["vision"] = Team(null, 1, ("a100", new() { Gpus = 4, BorrowingLimit = new() { Cpus = -0.5 } })) }),
            "Platform:Scheduling:TeamQuotas:vision:Pools:a100:BorrowingLimit:Cpus must be a number of at least 0, got -0.5" },
        { "lending more than the nominal", With(new() { ["vision"] = Team(null, 1, ("a100", new() { Gpus = 4, LendingLimit = new() { Gpus = 6 } })) }),
            "Platform:Scheduling:TeamQuotas:vision:Pools:a100:LendingLimit:Gpus is 6, more than the nominal Platform:Scheduling:TeamQuotas:vision:Pools:a100:Gpus 4" },
        { "a weight of zero", With(new() { ["vision"] = Team(null, 0) }),
            "Platform:Scheduling:TeamQuotas:vision:Weight must be above 0 and at most 1000, got 0" },
        { "a cohort name that is not a DNS label", With(new() { ["vision"] = Team("Research") }),
            "Platform:Scheduling:TeamQuotas:vision:Cohort 'Research' is not a lowercase DNS label" },
        { "cohort settings for a cohort no team is in", With(new() { ["vision"] = Team("research") }, cohorts: new() { ["reseach"] = new() }),
            "Platform:Scheduling:Cohorts:reseach configures a cohort no team belongs to; cohorts in use: research" },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Sharing_settings_are_checked(string why, SchedulingOptions options, string? message)
    {
        var result = new SettingsValidator<SchedulingOptions>().Validate(null, options);

        if (message is null)
        {
            Assert.True(result.Succeeded, $"{why}: {result.FailureMessage}");
            Assert.NotNull(options.SharingPolicy());
        }
        else
        {
            Assert.True(result.Failed, why);
            Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string, string, Amount, Amount, Amount> QuotaCases => new()
    {
        { "a team not listed is unlimited and lends nothing", "anyone", "a100", Amount.Unlimited, Amount.Zero, Amount.Zero },
        { "a listed team in a pool it does not list is guaranteed nothing", "nlp", "default", Amount.Zero, Amount.Unlimited, Amount.Zero },
        { "unset CPU and memory nominals do not limit, unset limits borrow all and lend all", "vision", "a100",
            new(8, Amount.Unbounded, Amount.Unbounded), Amount.Unlimited, new(8, Amount.Unbounded, Amount.Unbounded) },
        { "set limits are kept per resource", "nlp", "a100",
            new(4, 32_000, 1000), new(0, Amount.Unbounded, Amount.Unbounded), new(2, 32_000, 1000) },
    };

    [Theory, MemberData(nameof(QuotaCases))]
    public void Quotas_are_built_from_the_settings(string why, string team, string pool, Amount nominal, Amount borrowing, Amount lending)
    {
        var policy = With(new()
        {
            ["vision"] = Team("research", 1, ("a100", new() { Gpus = 8 })),
            ["nlp"] = Team("research", 1, ("a100", new() { Gpus = 4, Cpus = 32, MemoryMb = 1000, BorrowingLimit = new() { Gpus = 0 }, LendingLimit = new() { Gpus = 2 } })),
        }).SharingPolicy();

        var quota = policy.QuotaOf(team, pool);

        Assert.True(nominal == quota.Nominal, $"{why}: nominal {quota.Nominal}");
        Assert.True(borrowing == quota.BorrowingLimit, $"{why}: borrowing {quota.BorrowingLimit}");
        Assert.True(lending == quota.LendingLimit, $"{why}: lending {quota.LendingLimit}");
    }

    public static TheoryData<string, Dictionary<string, string>?, string> PoolCases => new()
    {
        { "a node without labels is in default", null, "default" },
        { "a node carrying the pool's label", new() { ["gpu-model"] = "a100" }, "a100" },
        { "a node carrying another value of the label", new() { ["gpu-model"] = "v100" }, "default" },
        { "a node matching two pools goes to the one with more labels", new() { ["gpu-model"] = "a100", ["fabric"] = "ib" }, "a100-ib" },
        { "a node carrying only part of a pool's labels", new() { ["fabric"] = "ib" }, "default" },
    };

    [Theory, MemberData(nameof(PoolCases))]
    public void A_node_belongs_to_the_first_pool_whose_labels_it_carries(string why, Dictionary<string, string>? labels, string pool)
    {
        var policy = With(pools: new()
        {
            ["a100"] = new() { NodeLabels = new() { ["gpu-model"] = "a100" } },
            ["a100-ib"] = new() { NodeLabels = new() { ["gpu-model"] = "a100", ["fabric"] = "ib" } },
        }).SharingPolicy();

        Assert.True(pool == policy.Pools.PoolOf(labels), why);
    }

    public static TheoryData<string, string, ReclaimWithinCohort, bool> PreemptionCases => new()
    {
        { "a cohort's own settings win over the global ones", "vision", ReclaimWithinCohort.Never, true },
        { "a cohort that sets nothing takes the global settings", "speech", ReclaimWithinCohort.LowerPriority, false },
        { "a cohort that sets one value takes the other from the global settings", "audio", ReclaimWithinCohort.LowerPriority, true },
        { "a team in no cohort takes the global settings", "solo", ReclaimWithinCohort.LowerPriority, false },
        { "a team not listed takes the global settings", "guest", ReclaimWithinCohort.LowerPriority, false },
    };

    [Theory, MemberData(nameof(PreemptionCases))]
    public void Preemption_settings_are_per_cohort_with_global_defaults(string why, string team, ReclaimWithinCohort reclaim, bool acrossTeams)
    {
        var options = With(new()
        {
            ["vision"] = Team("research"),
            ["speech"] = Team("speech-lab"),
            ["audio"] = Team("audio-lab"),
            ["solo"] = Team(),
        }, cohorts: new()
        {
            ["research"] = new() { ReclaimWithinCohort = ReclaimWithinCohort.Never, PreemptAcrossTeams = true },
            ["audio-lab"] = new() { PreemptAcrossTeams = true },
        });
        options.ReclaimWithinCohort = ReclaimWithinCohort.LowerPriority;

        var preemption = options.SharingPolicy().PreemptionOf(team);

        Assert.True(reclaim == preemption.Reclaim && acrossTeams == preemption.PreemptAcrossTeams, $"{why}: {preemption}");
    }
}
