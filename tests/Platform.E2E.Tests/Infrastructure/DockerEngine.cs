using Docker.DotNet;
using Docker.DotNet.Models;

namespace Platform.E2E.Tests.Infrastructure;

/// <summary>The local Docker engine, as the tests inspect it.</summary>
public static class DockerEngine
{
    public const string SampleImage = "platform/hello-ps:1.0";

    public static IDockerClient Client { get; } = new DockerClientBuilder().WithEndpoint(new Uri("unix:///var/run/docker.sock")).Build();

    /// <summary>Fails with what to do when the engine or the sample image is missing; never skips.</summary>
    public static async Task RequireAsync()
    {
        try
        {
            await Client.System.PingAsync();
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException(
                "No Docker engine answers at /var/run/docker.sock. Start one with `sudo scripts/prereqs.sh` " +
                "(installs docker.io and runs dockerd --bridge=none --iptables=false).", exception);
        }

        await RequireImagesAsync(SampleImage);
    }

    /// <summary>Fails naming the first missing image and how to build it; never skips.</summary>
    public static async Task RequireImagesAsync(params string[] images)
    {
        foreach (var image in images)
        {
            try
            {
                await Client.Images.InspectImageAsync(image);
            }
            catch (DockerImageNotFoundException exception)
            {
                throw new InvalidOperationException($"The image {image} is missing. Build it with `scripts/images.sh`.", exception);
            }
        }
    }

    /// <summary>Fails with what to do when <paramref name="image"/> is not in the engine.</summary>
    public static async Task RequireImageAsync(string image, string builtFrom)
    {
        try
        {
            await Client.Images.InspectImageAsync(image);
        }
        catch (DockerImageNotFoundException exception)
        {
            throw new InvalidOperationException($"The image {image} is missing. Build it with `scripts/images.sh` (from {builtFrom}).", exception);
        }
    }

    /// <summary>The environment of the job's one container, as the engine holds it.</summary>
    public static async Task<IDictionary<string, string>> EnvOfAsync(string jobId)
    {
        var container = Assert.Single(await ContainersAsync("platform.job", jobId));
        var inspected = await Client.Containers.InspectContainerAsync(container.ID);
        return (inspected.Config?.Env ?? []).Select(variable => variable.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
    }

    public static async Task<IList<ContainerListResponse>> ContainersAsync(string label, string value) =>
        await Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{label}={value}"] = true } },
        });

    /// <summary>Waits until a job has no container left: the agent removes each after its last line is stored.</summary>
    public static Task WaitForNoContainersAsync(string jobId, TimeSpan timeout) => Eventually.HoldsAsync(
        async () => Assert.Empty(await ContainersAsync("platform.job", jobId)), timeout, $"job {jobId}'s containers to be removed");

    public static async Task RemoveNodeContainersAsync(string nodeId)
    {
        foreach (var container in await ContainersAsync("platform.node", nodeId))
        {
            try
            {
                await Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
            }
            catch (DockerApiException exception) when (exception.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Conflict)
            {
                // Gone already, or its removal already under way (the agent's own, or Docker's).
            }
        }
    }
}
