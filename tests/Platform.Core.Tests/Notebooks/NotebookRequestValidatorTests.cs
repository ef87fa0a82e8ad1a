using Platform.Contracts.Scheduling;
using Platform.Core.Jobs.Spec;
using Platform.Core.Nodes;
using Platform.Core.Notebooks;

namespace Platform.Core.Tests.Notebooks;

public class NotebookRequestValidatorTests
{
    private const string DefaultImage = "platform/jupyter:4.0-cpu";

    private static readonly NodeCapacity Small = Node("small", cpus: 16, memoryMb: 65536, gpus: 0);
    private static readonly NodeCapacity Gpu = Node("gpu", cpus: 8, memoryMb: 32768, gpus: 2);

    /// <summary>Request, allow-list, nodes, the fields refused (empty: accepted).</summary>
    public static TheoryData<NotebookRequest, string[], NodeCapacity[], string[]> Cases => new()
    {
        { new(null, 1, 2, 8192, null), ["platform/*"], [Small, Gpu], [] },
        { new("platform/jupyter:4.0-cpu", 2, 8, 32768, 30), ["platform/*"], [Small, Gpu], [] },
        { new(null, 1, 2, 8192, null), ["platform/*"], [], [] },
        { new("docker.io/jupyter/base", 0, 1, 1024, null), ["platform/*"], [Small], ["image"] },
        { new(null, 0, 1, 1024, null), ["debian:*"], [Small], ["image"] },
        { new(null, 3, 1, 1024, null), ["platform/*"], [Small, Gpu], ["gpus"] },
        { new(null, 0, 17, 1024, null), ["platform/*"], [Small, Gpu], ["cpus"] },
        { new(null, 0, 1, 70000, null), ["platform/*"], [Small, Gpu], ["memoryMb"] },
        { new(null, 1, 12, 1024, null), ["platform/*"], [Small, Gpu], ["gpus"] },
        { new(null, 0, 12, 40000, null), ["platform/*"], [Small, Gpu], [] },
        { new("elsewhere/nb", 5, 1, 1024, null), ["platform/*"], [Small, Gpu], ["gpus", "image"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Image_and_size_are_checked_against_the_allow_list_and_the_nodes(
        NotebookRequest request, string[] allowed, NodeCapacity[] nodes, string[] refused)
    {
        var errors = NotebookRequestValidator.Validate(request, DefaultImage, new SpecContext(new ImageAllowList(allowed), nodes));

        Assert.Equal(refused.Order(StringComparer.Ordinal), errors.Select(error => error.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Refusal_says_what_the_largest_node_has()
    {
        var errors = NotebookRequestValidator.Validate(new(null, 3, 1, 1024, null), DefaultImage,
            new SpecContext(new ImageAllowList(["platform/*"]), [Small, Gpu]));

        Assert.Equal("asks for 3 GPUs, but the largest node has 2", Assert.Single(errors).Message);
    }

    private static NodeCapacity Node(string id, double cpus, int memoryMb, int gpus) => new()
    {
        NodeId = id, Host = "10.0.0.1", Cpus = cpus, MemoryMb = memoryMb, Gpus = NvidiaSmi.Fake(gpus), PortStart = 28000, PortEnd = 28999,
    };
}
