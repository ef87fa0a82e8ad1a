using Platform.Core.Jobs.Spec;

namespace Platform.Core.Tests.Jobs.Spec;

/// <summary>Every bound of <see cref="SpecLimits"/>: the value at the limit is accepted, one past it is refused on its field.</summary>
public sealed class SpecLimitsTests
{
    public static readonly TheoryData<string> AtTheLimit = new()
    {
        SpecJson.Worker("""{"count":1000}"""),
        SpecJson.Replicas("""{"ps":{"count":500},"worker":{"count":500}}"""),
        SpecJson.Resources("""{"cpus":0.01}"""),
        SpecJson.Resources("""{"cpus":1024}"""),
        SpecJson.Resources("""{"memoryMb":16}"""),
        SpecJson.Resources("""{"memoryMb":4194304}"""),
        SpecJson.Resources("""{"gpus":64}"""),
        SpecJson.Top("\"activeDeadlineSeconds\":1"),
        SpecJson.Top("\"activeDeadlineSeconds\":2592000"),
        SpecJson.Top("\"terminationGracePeriodSeconds\":0"),
        SpecJson.Top("\"terminationGracePeriodSeconds\":3600"),
        SpecJson.Top("\"backoffLimit\":0"),
        SpecJson.Top("\"backoffLimit\":100"),
        SpecJson.Top("\"ttlSecondsAfterFinished\":0"),
        SpecJson.Top("\"ttlSecondsAfterFinished\":2592000"),
        SpecJson.Top("\"pidsLimit\":16"),
        SpecJson.Top("\"pidsLimit\":1048576"),
        SpecJson.Top($"\"priorityClass\":\"{new string('p', 63)}\""),
        SpecJson.Top($"\"image\":\"{new string('i', 512)}\""),
        SpecJson.Worker($"{{\"image\":\"{new string('i', 512)}\"}}"),
        SpecJson.Top($"\"team\":\"{new string('t', 63)}\""),
        SpecJson.Top($"\"command\":{Strings(256, "a")}"),
        SpecJson.Top($"\"command\":{Strings(2, new string('c', 32 * 1024))}"),
        SpecJson.Worker($"{{\"command\":{Strings(256, "a")}}}"),
        SpecJson.Top($"\"env\":{Env(100, 1)}"),
        SpecJson.Top($"\"env\":{{\"{new string('N', 256)}\":\"v\"}}"),
        SpecJson.Top("\"env\":{\"_a1\":\"\",\"Z\":\"x\"}"),
        SpecJson.Top($"\"env\":{{\"A\":\"{new string('v', 64 * 1024 - 1)}\"}}"),
        SpecJson.Top($"\"volumes\":[{string.Join(",", Enumerable.Range(0, 8).Select(i => $"{{\"name\":\"v{i}\",\"mountPath\":\"/v{i}\"}}"))}]"),
    };

    public static readonly TheoryData<string, string> PastTheLimit = new()
    {
        { SpecJson.Worker("""{"count":1001}"""), "replicas.worker.count" },
        { SpecJson.Worker("""{"count":100000000}"""), "replicas.worker.count" },
        { SpecJson.Worker("""{"count":1e300}"""), "replicas.worker.count" },
        { SpecJson.Replicas("""{"ps":{"count":501},"worker":{"count":500}}"""), "replicas" },
        { SpecJson.Replicas("""{"chief":{},"ps":{"count":1000},"evaluator":{"count":1}}"""), "replicas" },
        { SpecJson.Resources("""{"cpus":0.0099}"""), "replicas.worker.resources.cpus" },
        { SpecJson.Resources("""{"cpus":1e-10}"""), "replicas.worker.resources.cpus" },
        { SpecJson.Resources("""{"cpus":-0}"""), "replicas.worker.resources.cpus" },
        { SpecJson.Resources("""{"cpus":1024.01}"""), "replicas.worker.resources.cpus" },
        { SpecJson.Resources("""{"cpus":1e400}"""), "replicas.worker.resources.cpus" },
        { SpecJson.Resources("""{"memoryMb":15}"""), "replicas.worker.resources.memoryMb" },
        { SpecJson.Resources("""{"memoryMb":4194305}"""), "replicas.worker.resources.memoryMb" },
        { SpecJson.Resources("""{"gpus":65}"""), "replicas.worker.resources.gpus" },
        { SpecJson.Top("\"activeDeadlineSeconds\":2592001"), "activeDeadlineSeconds" },
        { SpecJson.Top("\"activeDeadlineSeconds\":9e12"), "activeDeadlineSeconds" },
        { SpecJson.Top("\"terminationGracePeriodSeconds\":3601"), "terminationGracePeriodSeconds" },
        { SpecJson.Top("\"backoffLimit\":101"), "backoffLimit" },
        { SpecJson.Top("\"ttlSecondsAfterFinished\":2592001"), "ttlSecondsAfterFinished" },
        { SpecJson.Top("\"pidsLimit\":15"), "pidsLimit" },
        { SpecJson.Top("\"pidsLimit\":1048577"), "pidsLimit" },
        { SpecJson.Top("\"pidsLimit\":16.5"), "pidsLimit" },
        { SpecJson.Top("\"pidsLimit\":\"100\""), "pidsLimit" },
        { SpecJson.Top($"\"priorityClass\":\"{new string('p', 64)}\""), "priorityClass" },
        { SpecJson.Top($"\"image\":\"{new string('i', 513)}\""), "image" },
        { SpecJson.Worker($"{{\"image\":\"{new string('i', 513)}\"}}"), "replicas.worker.image" },
        { SpecJson.Top($"\"team\":\"{new string('t', 64)}\""), "team" },
        { SpecJson.Top("\"team\":\"a\\u0000b\""), "team" },
        { SpecJson.Top($"\"command\":{Strings(257, "a")}"), "command" },
        { SpecJson.Top($"\"command\":{Strings(2, new string('c', 32 * 1024), "d")}"), "command" },
        { SpecJson.Top("\"command\":[\"a\",\"b\\u0000\"]"), "command[1]" },
        { SpecJson.Worker($"{{\"command\":{Strings(257, "a")}}}"), "replicas.worker.command" },
        { SpecJson.Top($"\"env\":{Env(101, 1)}"), "env" },
        { SpecJson.Worker($"{{\"env\":{Env(101, 1)}}}"), "replicas.worker.env" },
        { SpecJson.Top("\"env\":{\"1A\":\"v\"}"), "env.1A" },
        { SpecJson.Top("\"env\":{\"A-B\":\"v\"}"), "env.A-B" },
        { SpecJson.Top("\"env\":{\"A\\n\":\"v\"}"), "env.A\n" },
        { SpecJson.Top("\"env\":{\"A\":\"v\\u0000\"}"), "env.A" },
        { SpecJson.Top($"\"env\":{{\"A\":\"{new string('v', 64 * 1024)}\"}}"), "env" },
        { SpecJson.Replicas($"{{\"worker\":{{\"env\":{{\"A\":\"{new string('v', 40 * 1024)}\"}}}},\"ps\":{{\"env\":{{\"B\":\"{new string('v', 40 * 1024)}\"}}}}}}"), "replicas.worker.env" },
        { SpecJson.Top($"\"volumes\":[{string.Join(",", Enumerable.Range(0, 9).Select(i => $"{{\"name\":\"v{i}\",\"mountPath\":\"/v{i}\"}}"))}]"), "volumes" },
        { SpecJson.Top($"\"volumes\":[{{\"name\":\"v\",\"mountPath\":\"/{new string('p', 4096)}\"}}]"), "volumes[0].mountPath" },
        { "{\"name\":\"job\n\",\"replicas\":{\"worker\":{}}}".Replace("\n", "\\n"), "name" },
    };

    [Theory, MemberData(nameof(AtTheLimit))]
    public void Value_at_the_limit_is_accepted(string body)
    {
        var result = JobSpecParser.Parse(body, null);

        Assert.Empty(result.Errors);
    }

    [Theory, MemberData(nameof(PastTheLimit))]
    public void Value_past_the_limit_is_refused_on_its_field(string body, string field) =>
        JobSpecParserRefusalTests.AssertRefused(body, field);

    [Fact]
    public void Refusal_names_the_limit()
    {
        var error = JobSpecParserRefusalTests.AssertRefused(SpecJson.Resources("""{"cpus":1e-10}"""), "replicas.worker.resources.cpus");

        Assert.Contains("at least 0.01", error.Message);
    }

    [Fact]
    public void Hundred_million_tasks_are_refused_without_a_task_list()
    {
        var error = JobSpecParserRefusalTests.AssertRefused(SpecJson.Worker("""{"count":100000000}"""), "replicas.worker.count");

        Assert.Contains($"at most {SpecLimits.MaxCount}", error.Message);
    }

    [Fact]
    public void The_spec_values_bounded_here_keep_grain_timers_and_dates_in_range()
    {
        // A grain timer's due time must be under 2^32 - 2 ms (49.7 days); deadlines are added to dates.
        Assert.True(TimeSpan.FromSeconds(SpecLimits.MaxActiveDeadlineSeconds).TotalMilliseconds < uint.MaxValue - 1);
        Assert.True(TimeSpan.FromSeconds(SpecLimits.MaxTtlSecondsAfterFinished).TotalMilliseconds < uint.MaxValue - 1);
        Assert.True(TimeSpan.FromSeconds(SpecLimits.MaxTerminationGracePeriodSeconds).TotalMilliseconds < uint.MaxValue - 1);
        _ = DateTimeOffset.MaxValue.AddYears(-100).AddSeconds(SpecLimits.MaxActiveDeadlineSeconds);
    }

    [Fact]
    public void An_env_name_past_256_characters_is_refused_with_a_short_field()
    {
        var result = JobSpecParser.Parse(SpecJson.Top($"\"env\":{{\"{new string('N', 257)}\":\"v\"}}"), null);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("env.NNNN", error.Field);
        Assert.True(error.Field.Length < 100, error.Field);
        Assert.True(error.Message.Length < 400, error.Message);
    }

    [Fact]
    public void A_huge_unknown_field_is_quoted_short()
    {
        var result = JobSpecParser.Parse(SpecJson.Top($"\"{new string('x', 900 * 1024)}\":1"), null);

        var error = Assert.Single(result.Errors);
        Assert.True(error.Field.Length < 100, $"field of {error.Field.Length} characters");
        Assert.True(error.Message.Length < 400, $"message of {error.Message.Length} characters");
    }

    [Fact]
    public void Many_errors_are_capped_with_one_that_counts_the_rest()
    {
        var fields = string.Join(",", Enumerable.Range(0, 500).Select(i => $"\"unknown{i}\":1"));

        var result = JobSpecParser.Parse(SpecJson.Top(fields), null);

        Assert.Equal(SpecLimits.MaxErrors + 1, result.Errors.Count);
        Assert.Equal("body", result.Errors[^1].Field);
        Assert.Contains("400 more errors", result.Errors[^1].Message);
    }

    private static string Strings(int count, string item, string? last = null) =>
        "[" + string.Join(",", Enumerable.Repeat($"\"{item}\"", count).Concat(last is null ? [] : [$"\"{last}\""])) + "]";

    private static string Env(int entries, int valueLength) =>
        "{" + string.Join(",", Enumerable.Range(0, entries).Select(i => $"\"E{i}\":\"{new string('v', valueLength)}\"")) + "}";
}
