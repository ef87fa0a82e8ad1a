using Microsoft.Extensions.Options;
using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;
using Platform.Core.Images;
using Platform.Core.Jobs.Spec;
using Platform.Gateway.Hosting;

namespace Platform.Gateway.Apis;

public static class ImagesApi
{
    public static RouteGroupBuilder MapImagesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/images").WithTags("Images").RequireAuthorization();
        api.MapGet("", ListAsync)
            .WithSummary("The allow-listed images and their frameworks: the allow-list's patterns, and the framework images the nodes have");
        return api;
    }

    private static async Task<ImagesView> ListAsync(IGrainFactory grains, IOptions<ImagesOptions> images)
    {
        var allowed = new ImageAllowList(images.Value.Allowed);
        var nodes = await grains.GetGrain<ISchedulerGrain>(GrainKeys.DefaultPool).GetNodesAsync();
        // Only nodes that run jobs now count: a Lost node's images are not where a job can go.
        var reports = await Task.WhenAll(nodes.Select(async node =>
        {
            var grain = grains.GetGrain<INodeGrain>(node.NodeId);
            var view = await grain.GetViewAsync();
            return (node.NodeId, Live: view is { State: not NodeState.Lost }, Images: await grain.GetImagesAsync());
        }));
        var byNode = reports.Where(report => report.Live).ToDictionary(report => report.NodeId, report => report.Images);
        return new ImagesView(allowed.Patterns, FrameworkImageCatalog.Build(allowed, byNode));
    }
}
