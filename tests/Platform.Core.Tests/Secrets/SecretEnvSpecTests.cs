using Platform.Core.Jobs.Spec;
using Platform.Core.Secrets;
using Platform.Core.Tests.Jobs.Spec;

namespace Platform.Core.Tests.Secrets;

/// <summary><c>secretEnv</c> of a spec: references only, checked like env, refused naming the entry.</summary>
public sealed class SecretEnvSpecTests
{
    [Fact]
    public void Job_and_group_secretEnv_are_read_as_references()
    {
        var parsed = JobSpecParser.Parse(
            """{"name":"job","secretEnv":{"DB_PASSWORD":"db-password"},"replicas":{"worker":{"secretEnv":{"API_KEY":"api.key","DB_PASSWORD":"worker_db"}}}}""",
            "application/json");

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal("db-password", parsed.Spec!.SecretEnv["DB_PASSWORD"]);
        Assert.Equal("api.key", parsed.Spec.Replicas["worker"].SecretEnv["API_KEY"]);
        Assert.Equal(new Dictionary<string, string> { ["DB_PASSWORD"] = "worker_db", ["API_KEY"] = "api.key" },
            SecretReferences.ForGroup(parsed.Spec, "worker"));
    }

    [Fact]
    public void Yaml_secretEnv_is_read_too()
    {
        var parsed = JobSpecParser.Parse("name: job\nsecretEnv:\n  TOKEN: hf_token\nreplicas:\n  worker: {}\n", "application/yaml");

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal("hf_token", parsed.Spec!.SecretEnv["TOKEN"]);
    }

    public static readonly TheoryData<string, string, string> Refused = new()
    {
        { "a variable name with a dash", SpecJson.Top("\"secretEnv\":{\"DB-PASSWORD\":\"db\"}"), "secretEnv.DB-PASSWORD" },
        { "a variable name starting with a digit", SpecJson.Top("\"secretEnv\":{\"1X\":\"db\"}"), "secretEnv.1X" },
        { "a platform variable", SpecJson.Top("\"secretEnv\":{\"TF_CONFIG\":\"db\"}"), "secretEnv.TF_CONFIG" },
        { "the job secret's variable", SpecJson.Top("\"secretEnv\":{\"PLATFORM_JOB_SECRET\":\"db\"}"), "secretEnv.PLATFORM_JOB_SECRET" },
        { "a PLATFORM_ variable", SpecJson.Top("\"secretEnv\":{\"PLATFORM_TOKEN\":\"db\"}"), "secretEnv.PLATFORM_TOKEN" },
        { "a secret name with a slash", SpecJson.Top("\"secretEnv\":{\"X\":\"../db\"}"), "secretEnv.X" },
        { "a secret name with a space", SpecJson.Top("\"secretEnv\":{\"X\":\"my db\"}"), "secretEnv.X" },
        { "a secret name too long", SpecJson.Top($"\"secretEnv\":{{\"X\":\"{new string('a', SecretLimits.MaxNameLength + 1)}\"}}"), "secretEnv.X" },
        { "an empty secret name", SpecJson.Top("\"secretEnv\":{\"X\":\"\"}"), "secretEnv.X" },
        { "a number for a secret name", SpecJson.Top("\"secretEnv\":{\"X\":5}"), "secretEnv.X" },
        { "not an object", SpecJson.Top("\"secretEnv\":[\"db\"]"), "secretEnv" },
        { "a group's platform variable", SpecJson.Worker("{\"secretEnv\":{\"RANK\":\"db\"}}"), "replicas.worker.secretEnv.RANK" },
        { "a group's bad secret name", SpecJson.Worker("{\"secretEnv\":{\"X\":\"-db\"}}"), "replicas.worker.secretEnv.X" },
        { "a variable in env and secretEnv", SpecJson.Top("\"env\":{\"X\":\"1\"},\"secretEnv\":{\"X\":\"db\"}"), "secretEnv.X" },
        { "a group secret over the job's env", """{"name":"job","env":{"X":"1"},"replicas":{"worker":{"secretEnv":{"X":"db"}}}}""", "replicas.worker.secretEnv.X" },
        { "a job secret under a group's env", """{"name":"job","secretEnv":{"X":"db"},"replicas":{"worker":{"env":{"X":"1"}}}}""", "secretEnv.X" },
        { "a misspelt field", SpecJson.Top("\"secretenv\":{\"X\":\"db\"}"), "secretenv" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Bad_secretEnv_is_refused_naming_the_entry(string what, string body, string field)
    {
        var parsed = JobSpecParser.Parse(body, "application/json");

        Assert.False(parsed.IsValid, what);
        Assert.True(parsed.Errors.Any(error => error.Field == field), $"{what}: expected an error on '{field}', got {string.Join("; ", parsed.Errors)}");
    }

    [Fact]
    public void More_entries_than_the_limit_are_refused()
    {
        var entries = string.Join(',', Enumerable.Range(0, SecretLimits.MaxSecretEnvEntries + 1).Select(i => $"\"V{i}\":\"s{i}\""));
        var parsed = JobSpecParser.Parse(SpecJson.Top($"\"secretEnv\":{{{entries}}}"), "application/json");

        var error = Assert.Single(parsed.Errors);
        Assert.Equal("secretEnv", error.Field);
        Assert.Contains($"{SecretLimits.MaxSecretEnvEntries}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_overlap_of_a_job_entry_is_reported_once_for_all_groups()
    {
        var parsed = JobSpecParser.Parse(
            """{"name":"job","env":{"X":"1"},"secretEnv":{"X":"db"},"replicas":{"ps":{},"worker":{}}}""", "application/json");

        Assert.Single(parsed.Errors, error => error.Field == "secretEnv.X");
    }
}
