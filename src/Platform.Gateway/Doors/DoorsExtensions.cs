using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Core.Settings;

namespace Platform.Gateway.Doors;

public static class DoorsExtensions
{
    /// <summary>
    /// The doors' settings (<c>AllowedHosts</c>, <c>Platform:AllowedOrigins</c>, <c>Platform:Limits</c>),
    /// validated at start, and Kestrel's body limit for requests without one of their own.
    /// </summary>
    public static IServiceCollection AddPlatformDoors(this IServiceCollection services)
    {
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LimitsOptions>, SettingsValidator<LimitsOptions>>());
        services.AddOptions<DoorOptions>().BindConfiguration(DoorOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DoorOptions>, SettingsValidator<DoorOptions>>());
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<LimitsOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes);
        // HostRule applies AllowedHosts and answers problem+json; the framework's own filter (which
        // would answer an HTML page, and let every host in when AllowedHosts is unset) stands aside.
        services.Configure<HostFilteringOptions>(options => options.AllowedHosts = ["*"]);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitsOptions>>((options, limits) =>
        {
            // An empty 429: the status code pages make it problem+json like every other refusal.
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
                {
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            // One bucket per user: one team's flood does not stop another's submissions.
            options.AddPolicy(SubmitPolicy, context => RateLimitPartition.GetTokenBucketLimiter(
                context.User.FindFirst(Identity.PlatformClaims.User)?.Value ?? "", _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.Value.SubmitBurst,
                TokensPerPeriod = limits.Value.SubmitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        });
        services.AddSingleton<HostRule>();
        services.AddSingleton<OriginRule>();
        return services;
    }

    /// <summary>Host, origin and cross-site checks, before static files and routing.</summary>
    public static WebApplication UsePlatformDoors(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<DoorsMiddleware>();
        return app;
    }

    /// <summary>Body limits and rates, after routing (they are the endpoint's).</summary>
    public static WebApplication UseBodyLimits(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<BodyLimitMiddleware>();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The rate limit of job submissions (<see cref="LimitsOptions.SubmitsPerSecond"/>).</summary>
    public const string SubmitPolicy = "submits";

    /// <summary>Holds the endpoints to <paramref name="limit"/>: see <see cref="BodyLimit"/>.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, BodyLimit limit) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(limit);
}
