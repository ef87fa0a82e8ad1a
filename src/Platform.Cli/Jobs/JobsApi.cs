using System.Net;
using Platform.Cli.Gateway;

namespace Platform.Cli.Jobs;

/// <summary>The jobs half of the REST API.</summary>
public static class JobsApi
{
    /// <summary>The most lines one page may hold (the gateway's limit).</summary>
    public const int MaxPage = 10_000;

    public static Task<ApiAnswer> SubmitAsync(this GatewayClient client, HttpContent spec, CancellationToken cancellationToken) =>
        client.SendAsync(HttpMethod.Post, "api/jobs", spec, cancellationToken);

    /// <summary>The job, or null when the platform has none by that id.</summary>
    public static async Task<Job?> FindJobAsync(this GatewayClient client, string id, CancellationToken cancellationToken)
    {
        var answer = await client.GetAsync(JobPath(id), cancellationToken);
        return answer.Status == HttpStatusCode.NotFound ? null
            : answer.IsSuccess ? answer.Read<Job>() : throw answer.Unexpected($"Reading job {id}");
    }

    public static async Task<Job> GetJobAsync(this GatewayClient client, string id, CancellationToken cancellationToken) =>
        await client.FindJobAsync(id, cancellationToken) ?? throw NotFound(client, id);

    public static async Task<LogPage> ReadLogsAsync(
        this GatewayClient client, string id, string? task, long after, int limit, CancellationToken cancellationToken)
    {
        var query = $"{JobPath(id)}/logs?after={after}&limit={limit}" + (task is null ? "" : $"&task={Uri.EscapeDataString(task)}");
        var answer = await client.GetAsync(query, cancellationToken);
        return answer.Status == HttpStatusCode.NotFound ? throw NotFound(client, id)
            : answer.IsSuccess ? answer.Read<LogPage>() : throw answer.Unexpected($"Reading the logs of job {id}");
    }

    public static GatewayException NotFound(GatewayClient client, string id) =>
        new($"No job '{id}' at {client.BaseAddress} (platform job list shows the jobs there).", HttpStatusCode.NotFound);

    public static string JobPath(string id) => $"api/jobs/{Uri.EscapeDataString(id)}";
}
