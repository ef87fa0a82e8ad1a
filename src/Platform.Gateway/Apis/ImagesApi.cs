using Microsoft.Extensions.Options;
using Platform.Gateway.Hosting;

namespace Platform.Gateway.Apis;

public static class ImagesApi
{
    public static RouteGroupBuilder MapImagesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/images").WithTags("Images");
        api.MapGet("", (IOptions<ImagesOptions> images) => TypedResults.Ok(images.Value.Allowed.Select(pattern => new { pattern }).ToArray()))
            .WithSummary("The image allow-list (names or glob patterns)");
        return api;
    }
}
