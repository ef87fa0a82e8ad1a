using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;
using Platform.Core.Identity;
using Platform.Gateway.Identity;

namespace Platform.Gateway.Apis;

public static class NodesApi
{
    public static RouteGroupBuilder MapNodesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/nodes").WithTags("Nodes").RequireAuthorization();
        api.MapGet("", ListAsync).WithSummary("Nodes with their GPU slots and who holds each");
        return api;
    }

    private static async Task<NodeView[]> ListAsync(HttpContext context, IGrainFactory grains)
    {
        var nodes = await grains.GetGrain<ISchedulerGrain>(GrainKeys.DefaultPool).GetNodesAsync();
        var views = (await Task.WhenAll(nodes.Select(node => grains.GetGrain<INodeGrain>(node.NodeId).GetViewAsync()))).OfType<NodeView>().ToArray();
        var caller = context.Caller();
        if (caller.IsAdmin)
        {
            return views;
        }

        var jobs = NodeViewMask.JobIds(views).ToArray();
        var teams = await Task.WhenAll(jobs.Select(async id => (await grains.GetGrain<IJobGrain>(id).GetAsync())?.Team));
        var visible = jobs.Where((_, i) => caller.Allows(Act.Read, Resource.Job(teams[i]))).ToHashSet(StringComparer.Ordinal);
        return [.. views.Select(view => NodeViewMask.Apply(view, visible.Contains))];
    }
}
