namespace Platform.Training.Tests.Cluster;

public class TrainingClusterTests
{
    private const string Full = """{"cluster":{"ps":["h1:2001","h2:2002"],"chief":["h0:2000"],"worker":["h3:2003","h4:2004"]},"task":{"type":"TYPE","index":INDEX},"environment":"cloud"}""";

    public static TheoryData<string, int, int, bool, bool, int> Roles => new()
    {
        // type, index, expected rank, chief, ps, port from the task's own address
        { "chief", 0, 0, true, false, 2000 },
        { "worker", 0, 1, false, false, 2003 },
        { "worker", 1, 2, false, false, 2004 },
        { "ps", 1, -1, false, true, 2002 },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public void Tf_config_gives_rank_role_and_port(string type, int index, int rank, bool chief, bool ps, int port)
    {
        var cluster = TrainingCluster.FromTfConfig(Full.Replace("TYPE", type).Replace("INDEX", index.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(rank, cluster.Rank);
        Assert.Equal(chief, cluster.IsChief);
        Assert.Equal(ps, cluster.IsParameterServer);
        Assert.Equal(port, cluster.Port);
        Assert.Equal($"{type}-{index}", cluster.TaskName);
        Assert.Equal(["h1:2001", "h2:2002"], cluster.ParameterServers);
        Assert.Equal(["h0:2000", "h3:2003", "h4:2004"], cluster.Participants);
        Assert.Equal(3, cluster.ParticipantCount);
    }

    [Fact]
    public void Without_a_chief_worker_0_is_rank_0_and_the_chief()
    {
        var cluster = TrainingCluster.FromTfConfig("""{"cluster":{"ps":["a:1"],"worker":["b:2","c:3"]},"task":{"type":"worker","index":0}}""");

        Assert.Equal(0, cluster.Rank);
        Assert.True(cluster.IsChief);
        Assert.Equal(["b:2", "c:3"], cluster.Participants);
    }

    [Fact]
    public void A_master_counts_as_the_chief()
    {
        var cluster = TrainingCluster.FromTfConfig("""{"cluster":{"ps":["a:1"],"master":["m:9"],"worker":["b:2"]},"task":{"type":"worker","index":0}}""");

        Assert.Equal(1, cluster.Rank);
        Assert.Equal(["m:9", "b:2"], cluster.Participants);
    }

    [Fact]
    public void Evaluator_is_not_a_participant()
    {
        var cluster = TrainingCluster.FromTfConfig("""{"cluster":{"ps":["a:1"],"worker":["b:2"],"evaluator":["e:5"]},"task":{"type":"evaluator","index":0}}""");

        Assert.Equal(-1, cluster.Rank);
        Assert.False(cluster.IsChief);
        Assert.Equal(["b:2"], cluster.Participants);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "not json", "not valid JSON" },
        { "[]", "JSON object" },
        { """{"task":{"type":"worker","index":0}}""", "TF_CONFIG.cluster" },
        { """{"cluster":{"worker":["a:1"]}}""", "TF_CONFIG.task" },
        { """{"cluster":{"worker":["a:1"]},"task":{"index":0}}""", "TF_CONFIG.task.type" },
        { """{"cluster":{"worker":["a:1"]},"task":{"type":"worker","index":-1}}""", "TF_CONFIG.task.index" },
        { """{"cluster":{"worker":["a:1"]},"task":{"type":"worker","index":1}}""", "no such task" },
        { """{"cluster":{"worker":["a"]},"task":{"type":"worker","index":0}}""", "host:port" },
        { """{"cluster":{"worker":"a:1"},"task":{"type":"worker","index":0}}""", "must be an array" },
        { """{"cluster":{"chief":["c:1"],"master":["m:2"]},"task":{"type":"chief","index":0}}""", "more than one chief" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_tf_config_is_refused_saying_what_is_wrong(string json, string message)
    {
        var exception = Assert.Throws<TrainingException>(() => TrainingCluster.FromTfConfig(json));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_port_and_job_id_are_read_with_tf_config()
    {
        var cluster = TrainingCluster.FromEnvironment(Variables(new()
        {
            ["TF_CONFIG"] = """{"cluster":{"ps":["a:1"],"worker":["b:2"]},"task":{"type":"ps","index":0}}""",
            ["PLATFORM_TASK_PORT"] = "24001",
            ["PLATFORM_TASK_TYPE"] = "ps",
            ["PLATFORM_TASK_NAME"] = "ps-0",
            ["PLATFORM_JOB_ID"] = "job-7",
        }));

        Assert.Equal(24001, cluster.Port);
        Assert.Equal("job-7", cluster.JobId);
        Assert.True(cluster.IsParameterServer);
    }

    [Fact]
    public void A_single_task_job_without_tf_config_is_one_participant_and_no_ps()
    {
        var cluster = TrainingCluster.FromEnvironment(Variables(new()
        {
            ["PLATFORM_TASK_TYPE"] = "worker",
            ["PLATFORM_TASK_INDEX"] = "0",
            ["PLATFORM_TASK_PORT"] = "24002",
        }));

        Assert.Equal(0, cluster.Rank);
        Assert.Equal(1, cluster.ParticipantCount);
        Assert.Empty(cluster.ParameterServers);
    }

    [Fact]
    public void The_job_secret_is_read_from_the_environment_and_left_out_of_ToString()
    {
        var cluster = TrainingCluster.FromEnvironment(Variables(new()
        {
            ["TF_CONFIG"] = """{"cluster":{"ps":["a:1"],"worker":["b:2"]},"task":{"type":"ps","index":0}}""",
            ["PLATFORM_JOB_SECRET"] = "Zm9vYmFyLXNlY3JldA_-",
        }));

        Assert.Equal("Zm9vYmFyLXNlY3JldA_-", cluster.JobSecret);
        Assert.DoesNotContain("Zm9vYmFyLXNlY3JldA_-", cluster.ToString(), StringComparison.Ordinal);
        Assert.Contains("JobSecret = set", cluster.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_absent_or_blank_job_secret_is_none(string? value)
    {
        var cluster = TrainingCluster.FromEnvironment(Variables(new() { ["PLATFORM_TASK_TYPE"] = "ps" }, value));

        Assert.Null(cluster.JobSecret);
    }

    public static TheoryData<string, string> BadSecrets => new()
    {
        { new string('s', 1025), "at most 1024" },
        { "two words", "printable ASCII" },
        { "caf\u00e9", "printable ASCII" },
        { "line\nbreak", "printable ASCII" },
    };

    [Theory]
    [MemberData(nameof(BadSecrets))]
    public void A_job_secret_that_cannot_travel_as_a_header_is_refused(string secret, string message)
    {
        var exception = Assert.Throws<TrainingException>(() =>
            TrainingCluster.FromEnvironment(Variables(new() { ["PLATFORM_TASK_TYPE"] = "ps" }, secret)));

        Assert.Contains("PLATFORM_JOB_SECRET", exception.Message, StringComparison.Ordinal);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_secret_of_1024_characters_is_accepted() =>
        Assert.Equal(1024, TrainingCluster.FromEnvironment(Variables(new() { ["PLATFORM_TASK_TYPE"] = "ps" }, new string('s', 1024))).JobSecret!.Length);

    public static TheoryData<Dictionary<string, string>, string> BadEnvironments => new()
    {
        { new(), "Neither TF_CONFIG nor PLATFORM_TASK_TYPE" },
        { new() { ["PLATFORM_TASK_TYPE"] = "worker", ["PLATFORM_TASK_PORT"] = "http" }, "PLATFORM_TASK_PORT" },
        { new() { ["PLATFORM_TASK_TYPE"] = "worker", ["PLATFORM_TASK_INDEX"] = "x" }, "PLATFORM_TASK_INDEX" },
        { new() { ["TF_CONFIG"] = """{"cluster":{"worker":["b:2"]},"task":{"type":"worker","index":0}}""", ["PLATFORM_TASK_TYPE"] = "ps" }, "PLATFORM_TASK_TYPE" },
        { new() { ["TF_CONFIG"] = """{"cluster":{"worker":["b:2"]},"task":{"type":"worker","index":0}}""", ["PLATFORM_TASK_NAME"] = "worker-3" }, "PLATFORM_TASK_NAME" },
    };

    [Theory]
    [MemberData(nameof(BadEnvironments))]
    public void Bad_environment_is_refused_naming_the_variable(Dictionary<string, string> variables, string message)
    {
        var exception = Assert.Throws<TrainingException>(() => TrainingCluster.FromEnvironment(Variables(variables)));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Variables(Dictionary<string, string> values) => name => values.GetValueOrDefault(name);

    private static Func<string, string?> Variables(Dictionary<string, string> values, string? secret) =>
        name => name == "PLATFORM_JOB_SECRET" ? secret : values.GetValueOrDefault(name);
}
