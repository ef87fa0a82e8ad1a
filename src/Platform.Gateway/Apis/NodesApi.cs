using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;

namespace Platform.Gateway.Apis;

public static class NodesApi
{
    public static RouteGroupBuilder MapNodesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/nodes").WithTags("Nodes").RequireAuthorization();
        api.MapGet("", ListAsync).WithSummary("Nodes with their GPU slots and who holds each");
        return api;
    }

    private static async Task<NodeView[]> ListAsync(IGrainFactory grains)
    {
        var nodes = await grains.GetGrain<ISchedulerGrain>(GrainKeys.DefaultPool).GetNodesAsync();
        var views = await Task.WhenAll(nodes.Select(node => grains.GetGrain<INodeGrain>(node.NodeId).GetViewAsync()));
        return views.OfType<NodeView>().ToArray();
    }
}
