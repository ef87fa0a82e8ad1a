using Platform.Contracts.Jobs;
using Platform.Core.Jobs;
using Platform.Core.Jobs.Assignments;
using Platform.Core.Jobs.ClusterSpec;

namespace Platform.Core.Tests.Jobs.Assignments;

/// <summary>Team secrets named by secretEnv reach the secret environment of their group's tasks, and nothing else.</summary>
public sealed class AssignmentBuilderTeamSecretsTests
{
    private static readonly IReadOnlyList<PlacedTask> Cluster = [new("ps", 0, "127.0.0.2", 28000, []), new("worker", 0, "127.0.0.2", 28001, [])];

    private static readonly JobSpec Spec = new()
    {
        Name = "job",
        Image = "i",
        SecretEnv = new Dictionary<string, string> { ["DB"] = "db" },
        Replicas = new Dictionary<string, ReplicaSpec>
        {
            ["ps"] = new(),
            ["worker"] = new() { SecretEnv = new Dictionary<string, string> { ["DB"] = "worker-db", ["HF"] = "hf" } },
        },
    };

    private static readonly Dictionary<string, string> Values = new() { ["db"] = "db-value", ["worker-db"] = "worker-db-value", ["hf"] = "hf-value" };

    public static TheoryData<string, string, string?> Variables => new()
    {
        { "ps", "DB", "db-value" },
        { "ps", "HF", null },
        { "worker", "DB", "worker-db-value" },
        { "worker", "HF", "hf-value" },
        { "worker", PlatformEnv.JobSecret, "job-secret" },
    };

    [Theory]
    [MemberData(nameof(Variables))]
    public void A_task_gets_its_group_s_secrets_with_the_job_secret(string type, string variable, string? expected)
    {
        var owner = new JobOwner { NotebookId = "nb", SecretEnv = new Dictionary<string, string> { ["JUPYTER_TOKEN"] = "t" } };
        var assignment = AssignmentBuilder.Build(new AssignmentContext("j-1", Spec, 0, Cluster, owner, "job-secret", Values), new(type, 0, 0, []));

        Assert.Equal(expected, assignment.SecretEnv.GetValueOrDefault(variable));
        Assert.Equal("t", assignment.SecretEnv["JUPYTER_TOKEN"]);
        Assert.DoesNotContain(assignment.Env, entry => entry.Key is "DB" or "HF" || entry.Value.Contains("-value", StringComparison.Ordinal));
    }

    [Fact]
    public void A_secret_that_was_not_resolved_is_an_error_that_names_it_without_values()
    {
        var error = Assert.Throws<ArgumentException>(() => AssignmentBuilder.Build(
            new AssignmentContext("j-1", Spec, 0, Cluster, TeamSecrets: new Dictionary<string, string> { ["db"] = "db-value" }), new("worker", 0, 0, [])));

        Assert.Contains("worker-db", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("db-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_context_never_shows_the_values()
    {
        Assert.DoesNotContain("value", new AssignmentContext("j-1", Spec, 0, Cluster, TeamSecrets: Values).ToString(), StringComparison.Ordinal);
    }
}
