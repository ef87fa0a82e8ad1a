using Platform.Core.Jobs.Spec;

namespace Platform.Core.Tests.Jobs.Spec;

/// <summary>Each rule of the spec refuses its case with an error on exactly the offending field.</summary>
public sealed class JobSpecParserRefusalTests
{
    public static readonly TheoryData<string, string> MissingNames = new()
    {
        { """{"replicas":{"worker":{}}}""", "name" },
        { """{"name":null,"replicas":{"worker":{}}}""", "name" },
    };

    public static readonly TheoryData<string, string> MalformedNames = new()
    {
        { "MNIST", "name" },
        { "-job", "name" },
        { "job-", "name" },
        { "my_job", "name" },
        { "my.job", "name" },
        { new string('a', 64), "name" },
        { "", "name" },
    };

    public static readonly TheoryData<string, string> BadGpus = new()
    {
        { """{"gpus":0.5}""", "replicas.worker.resources.gpus" },
        { """{"gpus":1.5}""", "replicas.worker.resources.gpus" },
        { """{"gpus":-1}""", "replicas.worker.resources.gpus" },
    };

    public static readonly TheoryData<string, string> BadCounts = new()
    {
        { """{"count":0}""", "replicas.worker.count" },
        { """{"count":-2}""", "replicas.worker.count" },
        { """{"count":1.5}""", "replicas.worker.count" },
    };

    public static readonly TheoryData<string, string> UnknownReplicaTypes = new()
    {
        { """{"workers":{}}""", "replicas.workers" },
        { """{"Worker":{}}""", "replicas.Worker" },
        { """{"worker":{},"launcher":{}}""", "replicas.launcher" },
    };

    public static readonly TheoryData<string, string> NoReplicas = new()
    {
        { """{"name":"job"}""", "replicas" },
        { """{"name":"job","replicas":{}}""", "replicas" },
        { """{"name":"job","replicas":null}""", "replicas" },
    };

    public static readonly TheoryData<string, string> SeveralLeaders = new()
    {
        { """{"chief":{"count":2},"worker":{}}""", "replicas" },
        { """{"master":{"count":3}}""", "replicas" },
        { """{"chief":{},"master":{}}""", "replicas" },
    };

    public static readonly TheoryData<string, string> ReservedEnv = new()
    {
        { SpecJson.Top("\"env\":{\"TF_CONFIG\":\"{}\"}"), "env.TF_CONFIG" },
        { SpecJson.Top("\"env\":{\"PLATFORM_JOB_ID\":\"x\"}"), "env.PLATFORM_JOB_ID" },
        { SpecJson.Worker("""{"env":{"PLATFORM_JOB_SECRET":"guessed"}}"""), "replicas.worker.env.PLATFORM_JOB_SECRET" },
        { SpecJson.Replicas("""{"ps":{"env":{"RANK":"0"}},"worker":{}}"""), "replicas.ps.env.RANK" },
        { SpecJson.Worker("""{"env":{"MASTER_ADDR":"h","OK":"1"}}"""), "replicas.worker.env.MASTER_ADDR" },
    };

    public static readonly TheoryData<string, string> UnknownFields = new()
    {
        { """{"name":"job","replica":{"worker":{}},"replicas":{"worker":{}}}""", "replica" },
        { SpecJson.Top("\"restartpolicy\":\"Never\""), "restartpolicy" },
        { SpecJson.Worker("""{"resource":{"gpus":1}}"""), "replicas.worker.resource" },
        { SpecJson.Resources("""{"gpu":1}"""), "replicas.worker.resources.gpu" },
    };

    public static readonly TheoryData<string, string> WrongTypes = new()
    {
        { """{"name":5,"replicas":{"worker":{}}}""", "name" },
        { SpecJson.Worker("""{"count":"2"}"""), "replicas.worker.count" },
        { SpecJson.Resources("""{"cpus":"1"}"""), "replicas.worker.resources.cpus" },
        { SpecJson.Top("\"command\":\"python train.py\""), "command" },
        { SpecJson.Top("\"command\":[\"python\",{}]"), "command[1]" },
        { SpecJson.Top("\"env\":[\"A=1\"]"), "env" },
        { SpecJson.Top("\"env\":{\"A\":{}}"), "env.A" },
        { SpecJson.Top("\"backoffLimit\":true"), "backoffLimit" },
        { SpecJson.Top("\"image\":[\"a\"]"), "image" },
        { SpecJson.Replicas("[]"), "replicas" },
        { SpecJson.Worker("3"), "replicas.worker" },
        { SpecJson.Worker("""{"resources":4}"""), "replicas.worker.resources" },
    };

    public static readonly TheoryData<string, string> UnknownEnumValues = new()
    {
        { SpecJson.Top("\"restartPolicy\":\"onFailure\""), "restartPolicy" },
        { SpecJson.Top("\"restartPolicy\":\"Sometimes\""), "restartPolicy" },
        { SpecJson.Top("\"runtime\":\"Docker\""), "runtime" },
        { SpecJson.Top("\"runtime\":\"k8s\""), "runtime" },
        { SpecJson.Top("\"successPolicy\":\"AnyWorker\""), "successPolicy" },
    };

    public static readonly TheoryData<string, string> OutOfRangeNumbers = new()
    {
        { SpecJson.Top("\"backoffLimit\":-1"), "backoffLimit" },
        { SpecJson.Top("\"activeDeadlineSeconds\":0"), "activeDeadlineSeconds" },
        { SpecJson.Top("\"terminationGracePeriodSeconds\":-5"), "terminationGracePeriodSeconds" },
        { SpecJson.Top("\"ttlSecondsAfterFinished\":-1"), "ttlSecondsAfterFinished" },
        { SpecJson.Top("\"backoffLimit\":1.5"), "backoffLimit" },
        { SpecJson.Top("\"activeDeadlineSeconds\":1e400"), "activeDeadlineSeconds" },
        { SpecJson.Resources("""{"cpus":0}"""), "replicas.worker.resources.cpus" },
        { SpecJson.Resources("""{"memoryMb":0}"""), "replicas.worker.resources.memoryMb" },
        { SpecJson.Resources("""{"memoryMb":512.5}"""), "replicas.worker.resources.memoryMb" },
    };

    [Theory, MemberData(nameof(MissingNames))]
    public void Missing_name_is_refused(string body, string field) => AssertRefused(body, field);

    [Theory, MemberData(nameof(MalformedNames))]
    public void Malformed_name_is_refused(string name, string field) =>
        AssertRefused("{\"name\":\"" + name + "\",\"replicas\":{\"worker\":{}}}", field);

    [Theory, MemberData(nameof(BadGpus))]
    public void Fractional_or_negative_gpu_request_is_refused(string resources, string field) =>
        AssertRefused(SpecJson.Resources(resources), field);

    [Theory, MemberData(nameof(BadCounts))]
    public void Count_below_one_or_not_whole_is_refused(string worker, string field) =>
        AssertRefused(SpecJson.Worker(worker), field);

    [Theory, MemberData(nameof(UnknownReplicaTypes))]
    public void Unknown_replica_type_is_refused(string replicas, string field) =>
        AssertRefused(SpecJson.Replicas(replicas), field);

    [Theory, MemberData(nameof(NoReplicas))]
    public void Job_without_replica_groups_is_refused(string body, string field) => AssertRefused(body, field);

    [Theory, MemberData(nameof(SeveralLeaders))]
    public void More_than_one_chief_or_master_is_refused(string replicas, string field) =>
        AssertRefused(SpecJson.Replicas(replicas), field);

    [Theory, MemberData(nameof(ReservedEnv))]
    public void Env_the_platform_sets_is_refused(string body, string field) =>
        Assert.Contains("set by the platform", AssertRefused(body, field).Message);

    [Theory, MemberData(nameof(UnknownFields))]
    public void Unknown_field_is_refused(string body, string field) => AssertRefused(body, field);

    [Theory, MemberData(nameof(WrongTypes))]
    public void Value_of_the_wrong_json_type_is_refused(string body, string field) => AssertRefused(body, field);

    [Theory, MemberData(nameof(UnknownEnumValues))]
    public void Unknown_enum_value_is_refused(string body, string field) => AssertRefused(body, field);

    [Theory, MemberData(nameof(OutOfRangeNumbers))]
    public void Number_out_of_range_is_refused(string body, string field) => AssertRefused(body, field);

    internal static SpecError AssertRefused(string body, string field, string? contentType = null)
    {
        var result = JobSpecParser.Parse(body, contentType);
        Assert.False(result.IsValid);
        Assert.Null(result.Spec);
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }
}
