using Platform.Contracts.Jobs;
using Platform.Contracts.Scheduling;
using Platform.Core.Jobs.Spec;

namespace Platform.Core.Tests.Jobs.Spec;

/// <summary>The rules that need the allow-list or the cluster's nodes.</summary>
public sealed class JobSpecValidatorTests
{
    // A GPU node (docker only) and a bigger CPU node that also runs processes.
    private static readonly NodeCapacity[] _nodes =
    [
        Node("gpu-1", cpus: 16, memoryMb: 65536, gpus: 4, TaskRuntimes.Docker),
        Node("cpu-1", cpus: 64, memoryMb: 262144, gpus: 0, TaskRuntimes.Docker, TaskRuntimes.Process),
    ];

    private static readonly ImageAllowList _images = new(["platform/*", "debian:*"]);

    public static readonly TheoryData<string, string, string> Refusals = new()
    {
        // docker runtime: an image for every group, from the allow-list
        { SpecJson.Top("\"team\":\"t\""), "replicas.worker.image", "needs an image" },
        { SpecJson.Replicas("""{"ps":{"image":"platform/ps"},"worker":{}}"""), "replicas.worker.image", "needs an image" },
        { SpecJson.Top("\"image\":\"evil/miner\""), "image", "'evil/miner' is not allow-listed" },
        { SpecJson.Worker("""{"image":"ubuntu:22.04"}"""), "replicas.worker.image", "'ubuntu:22.04' is not allow-listed" },
        // process runtime: a command for every group
        { SpecJson.Top("\"runtime\":\"process\""), "replicas.worker.command", "needs a command" },
        // capacity: some node must hold one task of every group
        { Sized("""{"gpus":8}"""), "replicas.worker.resources", "asks for 8 GPUs per task, but the largest node has 4" },
        { Sized("""{"cpus":96.5}"""), "replicas.worker.resources", "asks for 96.5 CPUs per task, but the largest node has 64" },
        { Sized("""{"memoryMb":300000}"""), "replicas.worker.resources", "asks for 300000 MB of memory per task, but the largest node has 262144 MB" },
        { Sized("""{"cpus":32,"gpus":1}"""), "replicas.worker.resources", "no single node has all of them" },
        { ProcessSized("""{"gpus":1}"""), "replicas.worker.resources", "asks for 1 GPU per task, but the largest node has 0" },
    };

    [Theory, MemberData(nameof(Refusals))]
    public void Spec_the_cluster_cannot_run_is_refused(string body, string field, string message)
    {
        var error = Assert.Single(Validate(body, _nodes));

        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Request_larger_than_every_node_names_each_resource()
    {
        var error = Assert.Single(Validate(Sized("""{"cpus":128,"memoryMb":300000,"gpus":8}"""), _nodes));

        Assert.Contains("128 CPUs", error.Message);
        Assert.Contains("300000 MB", error.Message);
        Assert.Contains("8 GPUs", error.Message);
    }

    [Fact]
    public void Process_runtime_without_a_node_offering_it_is_refused()
    {
        var error = Assert.Single(Validate(ProcessSized("{}"), [_nodes[0]]));

        Assert.Equal("runtime", error.Field);
    }

    [Fact]
    public void Job_image_is_reported_once_for_every_group_that_inherits_it()
    {
        var errors = Validate(SpecJson.Top("\"image\":\"evil/miner\"").Replace("{\"worker\":{}}", "{\"ps\":{},\"worker\":{}}"), _nodes);

        Assert.Equal("image", Assert.Single(errors).Field);
    }

    [Fact]
    public void Empty_allow_list_refuses_every_image()
    {
        var spec = Parse(SpecJson.Top("\"image\":\"platform/trainer\""));

        var error = Assert.Single(JobSpecValidator.Validate(spec, new SpecContext(new ImageAllowList([]), _nodes)));

        Assert.Equal("image", error.Field);
    }

    [Fact]
    public void Capacity_is_not_checked_while_no_node_is_known()
    {
        Assert.Empty(Validate(Sized("""{"cpus":1000,"gpus":64}"""), []));
    }

    [Fact]
    public void Spec_that_fits_passes()
    {
        Assert.Empty(Validate(Sized("""{"cpus":16,"memoryMb":65536,"gpus":4}"""), _nodes));
        Assert.Empty(Validate(ProcessSized("""{"cpus":64,"memoryMb":262144}"""), _nodes));
        Assert.Empty(Validate(SpecSamples.ApiExampleYaml, _nodes, "application/yaml"));
    }

    private static string Sized(string resources) =>
        Top("\"image\":\"platform/trainer\"", resources);

    private static string ProcessSized(string resources) =>
        Top("\"runtime\":\"process\",\"command\":[\"/app/train\"]", resources);

    private static string Top(string fields, string resources) =>
        "{\"name\":\"job\"," + fields + ",\"replicas\":{\"worker\":{\"resources\":" + resources + "}}}";

    private static IReadOnlyList<SpecError> Validate(string body, NodeCapacity[] nodes, string? contentType = null) =>
        JobSpecValidator.Validate(Parse(body, contentType), new SpecContext(_images, nodes));

    private static JobSpec Parse(string body, string? contentType = null)
    {
        var result = JobSpecParser.Parse(body, contentType);
        Assert.Empty(result.Errors);
        return result.Spec!;
    }

    private static NodeCapacity Node(string id, double cpus, int memoryMb, int gpus, params string[] runtimes) => new()
    {
        NodeId = id,
        Host = id,
        Cpus = cpus,
        MemoryMb = memoryMb,
        Gpus = [.. Enumerable.Range(0, gpus).Select(i => new GpuInfo(i, $"GPU-{i}", "fake", 16384, Fake: true))],
        Runtimes = runtimes,
    };
}
