using Microsoft.AspNetCore.Http.HttpResults;
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
        api.MapPost("{id}/drain", DrainAsync)
            .WithSummary("Admins: place nothing new on the node; its running tasks keep running until their jobs end");
        api.MapPost("{id}/undrain", UndrainAsync).WithSummary("Admins: make a draining node placeable again");
        return api;
    }

    private static Task<Results<Accepted<NodeView>, ProblemHttpResult>> DrainAsync(string id, HttpContext context, IGrainFactory grains) =>
        ChangeAsync(id, context, grains, (node, by) => node.DrainAsync(by));

    private static Task<Results<Accepted<NodeView>, ProblemHttpResult>> UndrainAsync(string id, HttpContext context, IGrainFactory grains) =>
        ChangeAsync(id, context, grains, (node, by) => node.UndrainAsync(by));

    /// <summary>Admins only (403 for others, before the node is looked up); 404 for a node that never registered.</summary>
    private static async Task<Results<Accepted<NodeView>, ProblemHttpResult>> ChangeAsync(
        string id, HttpContext context, IGrainFactory grains, Func<INodeGrain, string, Task<NodeView?>> change)
    {
        var caller = context.Caller();
        if (AccessResults.Refusal(caller, Act.Drain, Resource.Node, $"node {id}") is { } refusal)
        {
            return refusal;
        }

        return await change(grains.GetGrain<INodeGrain>(id), caller.User) is { } view
            ? TypedResults.Accepted($"/api/nodes/{Uri.EscapeDataString(id)}", view)
            : AccessResults.NotFound();
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
