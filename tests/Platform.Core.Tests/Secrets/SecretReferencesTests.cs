using Platform.Contracts.Jobs;
using Platform.Core.Secrets;

namespace Platform.Core.Tests.Secrets;

public sealed class SecretReferencesTests
{
    private static readonly JobSpec Spec = new()
    {
        Name = "job",
        SecretEnv = new Dictionary<string, string> { ["DB"] = "db", ["KEY"] = "key" },
        Replicas = new Dictionary<string, ReplicaSpec>
        {
            ["ps"] = new(),
            ["worker"] = new() { SecretEnv = new Dictionary<string, string> { ["KEY"] = "worker-key", ["HF"] = "db" } },
        },
    };

    public static TheoryData<string, string[], string[]> MissingCases => new()
    {
        { "all there", ["db", "key", "worker-key"], [] },
        { "none there", [], ["secretEnv.DB", "secretEnv.KEY", "replicas.worker.secretEnv.KEY", "replicas.worker.secretEnv.HF"] },
        { "a group's secret gone", ["db", "key"], ["replicas.worker.secretEnv.KEY"] },
        { "a secret named twice gone", ["key", "worker-key"], ["secretEnv.DB", "replicas.worker.secretEnv.HF"] },
        { "names are case-sensitive", ["DB", "key", "worker-key"], ["secretEnv.DB", "replicas.worker.secretEnv.HF"] },
    };

    [Theory]
    [MemberData(nameof(MissingCases))]
    public void Each_entry_naming_a_missing_secret_is_an_error_on_that_entry(string what, string[] existing, string[] fields)
    {
        var errors = SecretReferences.Missing(Spec, "vision", existing.ToHashSet(StringComparer.Ordinal));

        Assert.True(fields.SequenceEqual(errors.Select(error => error.Field)), $"{what}: got {string.Join("; ", errors)}");
        Assert.All(errors, error => Assert.Contains("team 'vision'", error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Names_are_distinct()
    {
        Assert.Equal(["db", "key", "worker-key"], SecretReferences.Names(Spec));
    }

    public static TheoryData<string, string> GroupCases => new()
    {
        { "ps", "DB=db,KEY=key" },
        { "worker", "DB=db,HF=db,KEY=worker-key" },
    };

    [Theory]
    [MemberData(nameof(GroupCases))]
    public void A_group_s_entries_override_the_job_s(string type, string expected)
    {
        var merged = SecretReferences.ForGroup(Spec, type);

        Assert.Equal(expected, string.Join(",", merged.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => $"{entry.Key}={entry.Value}")));
    }
}
