using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Gateway.Doors;
using Platform.Gateway.Errors;
using Platform.Gateway.Hubs;
using Platform.Gateway.Identity;
using Platform.Gateway.Notebooks;
using Platform.Grains.Hosting;
using Platform.Core.Cluster;
using Platform.Silo;
using Platform.Silo.Cluster;
using Platform.Worker.Agent;

namespace Platform.Gateway.Hosting;

public static class GatewayHostingExtensions
{
    /// <summary>JSON as API.md says: camelCase, enums as strings; problem details for every error.</summary>
    public static WebApplicationBuilder AddPlatformDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        builder.Services.AddPlatformErrors();
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>
    /// The control plane of the mode <c>Platform:Mode</c> names: in this process (embedded, the
    /// default), or reached as an Orleans client (cluster, <see cref="ClusterGatewayExtensions.AddClusterControlPlane"/>).
    /// </summary>
    public static WebApplicationBuilder AddControlPlane(this WebApplicationBuilder builder) =>
        PlatformModes.Read(builder.Configuration) == PlatformMode.Cluster
            ? builder.AddClusterControlPlane()
            : builder.AddEmbeddedControlPlane();

    /// <summary>
    /// The embedded default: the silo (localhost clustering, SQLite state under Platform:DataDir)
    /// and, unless Platform:Worker:Enabled is false, the agent of this machine, in this process.
    /// </summary>
    public static WebApplicationBuilder AddEmbeddedControlPlane(this WebApplicationBuilder builder)
    {
        builder.UseOrleans(silo => silo.UsePlatformSilo(builder.Configuration));
        if (builder.Configuration.GetValue("Platform:Worker:Enabled", true))
        {
            builder.Services.AddNodeAgent(builder.Configuration);
        }

        return builder;
    }

    public static WebApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ImagesOptions>().BindConfiguration(ImagesOptions.Section);
        builder.Services.AddPlatformDoors();
        builder.Services.AddPlatformIdentity(builder.Configuration);
        builder.Services.AddSignalR().AddJsonProtocol(options =>
            options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton<LogStreams>();
        builder.Services.AddHostedService<JobFeedListener>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddPlatformNotebookOptions();
        builder.Services.AddHttpForwarder();
        builder.Services.AddSingleton<NotebookRoutes>();
        builder.Services.AddSingleton<NotebookAccess>();
        builder.Services.AddSingleton<ProxyActivity>();
        return builder;
    }
}
