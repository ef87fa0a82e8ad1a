using Docker.DotNet;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Contracts.Jobs;
using Platform.Worker.Gpus;
using Platform.Worker.Images;
using Platform.Worker.Runtimes;

namespace Platform.Worker.Agent;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>The node agent with the runtimes <c>Platform:Worker:Runtimes</c> enables.</summary>
    public static IServiceCollection AddNodeAgent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section)
            .PostConfigure(options => options.VolumesPath = string.IsNullOrWhiteSpace(options.VolumesPath)
                ? Path.Combine(DataDir(configuration), "volumes")
                : options.VolumesPath)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<NodeGpus>();
        services.AddSingleton<GpuUtilisationReporter>();
        services.AddSingleton<LogShipper>();
        services.AddSingleton<ImageReporter>();

        var runtimes = new WorkerOptions();
        configuration.GetSection(WorkerOptions.Section).Bind(runtimes);
        if (runtimes.RuntimeList.Contains(TaskRuntimes.Docker))
        {
            services.AddSingleton<IDockerClient>(provider => new DockerClientBuilder()
                .WithEndpoint(new Uri(provider.GetRequiredService<IOptions<WorkerOptions>>().Value.DockerEndpoint))
                .Build());
            services.AddSingleton<ITaskRuntime, DockerRuntime>();
            services.AddSingleton<IFrameworkImages, DockerFrameworkImages>();
        }

        if (runtimes.RuntimeList.Contains(TaskRuntimes.Process))
        {
            services.AddSingleton<ITaskRuntime>(provider =>
            {
                var options = provider.GetRequiredService<IOptions<WorkerOptions>>().Value;
                if (!OperatingSystem.IsLinux())
                {
                    throw new PlatformNotSupportedException("The process runtime needs Linux: it limits its tasks with cgroups.");
                }

                if (string.IsNullOrEmpty(options.TaskUser))
                {
                    // Said at start, since nothing else will: a host process reads what the agent reads.
                    ProcessTaskWarnings.RunsAsAgent(provider.GetRequiredService<ILoggerFactory>().CreateLogger<ProcessRuntime>(), DataDir(configuration));
                }

                return new ProcessRuntime(ProcessStateDirectory(DataDir(configuration), options.NodeId),
                    TaskCgroups.Detect(options.NodeId), NodeTaskLimits.From(options));
            });
        }

        services.AddHostedService<NodeAgent>();
        return services;
    }

    /// <summary>Where the process runtime keeps its pid files and the tasks' work directories: <c>{Platform:DataDir}/processes/{node}</c>.</summary>
    public static string ProcessStateDirectory(string dataDir, string nodeId) => Path.Combine(dataDir, "processes", nodeId);

    private static string DataDir(IConfiguration configuration) =>
        configuration["Platform:DataDir"] is { Length: > 0 } dataDir ? dataDir : DefaultDataDir;

    /// <summary>The default of <c>Platform:DataDir</c> (the silo's PlatformOptions), which this project does not reference.</summary>
    private static string DefaultDataDir =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "platform");
}
