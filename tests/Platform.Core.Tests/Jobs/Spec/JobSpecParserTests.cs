using Platform.Contracts.Jobs;
using Platform.Core.Jobs.Spec;

namespace Platform.Core.Tests.Jobs.Spec;

/// <summary>Specs that are accepted: what they read as, in either format.</summary>
public sealed class JobSpecParserTests
{
    private const string Yaml = "application/yaml";

    [Fact]
    public void Full_json_spec_reads_every_field()
    {
        SpecAssert.Equal(SpecSamples.Full, Parse(SpecSamples.FullJson, "application/json"));
    }

    [Fact]
    public void Same_spec_in_yaml_reads_equal_to_json()
    {
        SpecAssert.Equal(Parse(SpecSamples.FullJson, null), Parse(SpecSamples.FullYaml, Yaml));
    }

    [Fact]
    public void Replica_groups_are_listed_in_rank_order()
    {
        Assert.Equal(["chief", "ps", "worker"], Parse(SpecSamples.FullYaml, Yaml).Replicas.Keys);
    }

    [Fact]
    public void Api_example_yaml_parses()
    {
        var spec = Parse(SpecSamples.ApiExampleYaml, Yaml);

        Assert.Equal("mnist-ps", spec.Name);
        Assert.Equal(["/app/Platform.Samples.Mnist", "--epochs", "2"], spec.Command);
        Assert.Equal("0.05", spec.Env["LEARNING_RATE"]);
        Assert.Equal(new Resources { Cpus = 1, MemoryMb = 1024, Gpus = 0 }, spec.Replicas["ps"].Resources);
        Assert.Equal(2, spec.Replicas["worker"].Count);
        Assert.Equal(new Resources { Cpus = 1, MemoryMb = 2048, Gpus = 1 }, spec.Replicas["worker"].Resources);
        Assert.Equal(RestartPolicy.OnFailure, spec.RestartPolicy);
        Assert.Equal(86400, spec.ActiveDeadlineSeconds);
    }

    [Fact]
    public void Defaults_are_applied()
    {
        var expected = new JobSpec
        {
            Name = "job",
            Replicas = new Dictionary<string, ReplicaSpec> { ["worker"] = new() },
        };

        var spec = Parse("""{"name":"job","replicas":{"worker":{}}}""", null);

        SpecAssert.Equal(expected, spec);
        Assert.Equal(TaskRuntimes.Docker, spec.Runtime);
        Assert.Equal(RestartPolicy.Never, spec.RestartPolicy);
        Assert.Equal(3, spec.BackoffLimit);
        Assert.Null(spec.ActiveDeadlineSeconds);
        Assert.Equal(30, spec.TerminationGracePeriodSeconds);
        Assert.Equal(0, spec.TtlSecondsAfterFinished);
        Assert.Equal(new Resources { Cpus = 1, MemoryMb = 1024, Gpus = 0 }, spec.Replicas["worker"].Resources);
        Assert.Equal(1, spec.Replicas["worker"].Count);
    }

    [Fact]
    public void Yaml_nulls_mean_the_default()
    {
        var spec = Parse("name: job\nimage: ~\nbackoffLimit:\nreplicas:\n  worker: { count: null }\n", Yaml);

        Assert.Null(spec.Image);
        Assert.Equal(JobSpecDefaults.BackoffLimit, spec.BackoffLimit);
        Assert.Equal(1, spec.Replicas["worker"].Count);
    }

    [Fact]
    public void Quoted_yaml_number_stays_a_string()
    {
        JobSpecParserRefusalTests.AssertRefused(
            "name: job\nreplicas:\n  worker: { count: \"2\" }\n", "replicas.worker.count", Yaml);
    }

    [Fact]
    public void Whole_number_written_with_a_decimal_point_is_accepted()
    {
        Assert.Equal(2, Parse(SpecJson.Resources("""{"gpus":2.0}"""), null).Replicas["worker"].Resources.Gpus);
    }

    [Fact]
    public void Several_errors_are_all_reported()
    {
        const string body = """
            name: My_Job
            replica: {}
            env: { TF_CONFIG: "{}" }
            restartPolicy: Sometimes
            replicas:
              workers: {}
              chief: { count: 2 }
              ps: { count: 0, resources: { gpus: 0.5, cpus: "2" } }
            """;
        string[] fields =
        [
            "env.TF_CONFIG", "name", "replica", "replicas", "replicas.ps.count",
            "replicas.ps.resources.cpus", "replicas.ps.resources.gpus", "replicas.workers", "restartPolicy",
        ];

        var result = JobSpecParser.Parse(body, Yaml);

        Assert.Null(result.Spec);
        Assert.Equal(fields, result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Unknown_field_error_suggests_the_field_meant()
    {
        var error = JobSpecParserRefusalTests.AssertRefused(SpecJson.Top("\"backofLimit\":2"), "backofLimit");

        Assert.Contains("did you mean 'backoffLimit'", error.Message);
    }

    [Fact]
    public void Unknown_enum_value_error_lists_the_allowed_values()
    {
        var error = JobSpecParserRefusalTests.AssertRefused(SpecJson.Top("\"restartPolicy\":\"onFailure\""), "restartPolicy");

        Assert.Contains("Never, OnFailure, Always, ExitCode", error.Message);
    }

    private static JobSpec Parse(string body, string? contentType)
    {
        var result = JobSpecParser.Parse(body, contentType);
        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        return Assert.IsType<JobSpec>(result.Spec);
    }
}
