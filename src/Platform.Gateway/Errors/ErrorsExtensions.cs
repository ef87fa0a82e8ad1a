namespace Platform.Gateway.Errors;

public static class ErrorsExtensions
{
    /// <summary>
    /// One error style (eShop's): every 4xx and 5xx is problem+json, completed by <see cref="ProblemShape"/>;
    /// a request that cannot be bound throws, so <see cref="BadRequestExceptionHandler"/> names the parameter;
    /// every other exception is <see cref="UnexpectedExceptionHandler"/>'s.
    /// </summary>
    public static IServiceCollection AddPlatformErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemShape.Complete);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<UnexpectedExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>
    /// First in the pipeline: an exception anywhere becomes a logged 500 problem (details hidden, see
    /// <see cref="UnexpectedExceptionHandler"/>), and a
    /// 4xx or 5xx answered without a body (a handler's <c>NotFound()</c>, routing's 404, 405 and 415)
    /// gets a problem+json one.
    /// </summary>
    public static WebApplication UsePlatformErrors(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/hubs"), hub => hub.UseMiddleware<EmptyErrorBodies>());
        return app;
    }
}
