using Platform.Contracts.Nodes;

namespace Platform.Grains.Nodes;

[GenerateSerializer, Alias("platform.GpuSlotState")]
public sealed class GpuSlotState
{
    [Id(0)] public GpuHolder? Holder { get; set; }
}
