using System.Net;
using System.Security.Cryptography;
using System.Text;
using Docker.DotNet.Models;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Notebooks;

/// <summary>
/// One container of the Jupyter image run the way the platform runs it (host network, every
/// capability dropped, no new privileges), on a task port of this test process, with a fresh token.
/// </summary>
public sealed class JupyterContainer : IAsyncDisposable
{
    public const string TestLabel = "platform.test";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private JupyterContainer(string id, int port, string token, string baseUrl)
    {
        Id = id;
        Port = port;
        Token = token;
        BaseUrl = baseUrl;
        // No cookies: a request that carried the token in its URL gets a login cookie, which would
        // let the next request in without one.
        Http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}{baseUrl}") };
    }

    public string Id { get; }

    public int Port { get; }

    public string Token { get; }

    /// <summary>The path Jupyter serves under, e.g. <c>/notebooks/t-1234-1/</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>Addresses Jupyter under its base URL, without the token and without cookies.</summary>
    public HttpClient Http { get; }

    /// <summary>Creates and starts a container; <paramref name="token"/> null leaves JUPYTER_TOKEN unset.</summary>
    public static async Task<JupyterContainer> StartAsync(string? token = "")
    {
        await DockerEngine.RequireAsync();
        await DockerEngine.RequireImageAsync(JupyterImage.Name, "jupyter/Dockerfile");
        var (instance, port) = TestPorts.NextBlock();
        token = token == "" ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : token;
        var baseUrl = $"/notebooks/t-{Environment.ProcessId}-{instance}/";
        var env = new List<string> { $"PLATFORM_TASK_PORT={port}", $"JUPYTER_BASE_URL={baseUrl}" };
        if (token is not null)
        {
            env.Add($"JUPYTER_TOKEN={token}");
        }

        var created = await DockerEngine.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = $"jupyter-image-test-{Environment.ProcessId}-{instance}",
            Image = JupyterImage.Name,
            Env = env,
            Labels = new Dictionary<string, string> { [TestLabel] = $"jupyter-image-{Environment.ProcessId}" },
            HostConfig = new HostConfig
            {
                NetworkMode = "host",
                CapDrop = ["ALL"],
                SecurityOpt = ["no-new-privileges"],
                Memory = 2048L * 1024 * 1024,
            },
        });
        var container = new JupyterContainer(created.ID, port, token ?? "", baseUrl);
        await DockerEngine.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        return container;
    }

    /// <summary>Waits until Jupyter answers its status with the token; fails with its logs when it exits first.</summary>
    public async Task WaitUntilServingAsync() => await Eventually.HoldsAsync(async () =>
    {
        if (!await IsRunningAsync())
        {
            throw new GaveUpException($"the Jupyter container exited:\n{await LogsAsync()}");
        }

        using var response = await SendAsync(HttpMethod.Get, "api/status", authorized: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }, StartTimeout, $"Jupyter to serve on port {Port}");

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, bool authorized, string? origin = null, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (authorized)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("token", Token);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await Http.SendAsync(request);
    }

    public async Task<bool> IsRunningAsync() => (await DockerEngine.Client.Containers.InspectContainerAsync(Id)).State?.Running == true;

    /// <summary>The exit code once the container has exited; null while it runs.</summary>
    public async Task<long?> ExitCodeAsync() =>
        (await DockerEngine.Client.Containers.InspectContainerAsync(Id)).State is { Running: false } state ? state.ExitCode : null;

    /// <summary>Everything the container wrote to stdout and stderr so far.</summary>
    public async Task<string> LogsAsync()
    {
        using var stream = await DockerEngine.Client.Containers.GetContainerLogsAsync(Id, new ContainerLogsParameters { ShowStdout = true, ShowStderr = true });
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(CancellationToken.None);
        return stdout + stderr;
    }

    /// <summary>Runs a command inside the container to its end: its exit code and output.</summary>
    public async Task<(long ExitCode, string Stdout, string Stderr)> ExecAsync(TimeSpan timeout, params string[] command)
    {
        var exec = await DockerEngine.Client.Exec.CreateContainerExecAsync(Id, new ContainerExecCreateParameters
        {
            Cmd = command,
            AttachStdout = true,
            AttachStderr = true,
        });
        using var deadline = new CancellationTokenSource(timeout);
        using var stream = await DockerEngine.Client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), deadline.Token);
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(deadline.Token);
        var inspected = await DockerEngine.Client.Exec.InspectContainerExecAsync(exec.ID);
        return (inspected.ExitCode ?? -1, stdout, stderr);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await DockerEngine.Client.Containers.RemoveContainerAsync(Id, new ContainerRemoveParameters { Force = true });
    }
}
