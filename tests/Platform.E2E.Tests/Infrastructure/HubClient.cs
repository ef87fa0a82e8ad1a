using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Platform.E2E.Tests.Infrastructure;

/// <summary>A SignalR client of <c>/hubs/jobs</c> that records everything the hub sends it.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private HubClient(HubConnection connection, SemaphoreSlim? gate)
    {
        _connection = connection;
        _connection.On<string, List<JsonElement>>("logLines", async (_, lines) =>
        {
            foreach (var line in lines)
            {
                Lines.Enqueue(line);
            }

            if (gate is not null)
            {
                // A client that stops reading: the SignalR client handles one message at a time.
                await gate.WaitAsync();
                gate.Release();
            }
        });
        _connection.On<JsonElement>("jobUpdated", job => Jobs.Enqueue(job));
        _connection.On<JsonElement>("notebookUpdated", notebook => Notebooks.Enqueue(notebook));
        _connection.On<string, List<JsonElement>>("metricPoints", (_, points) =>
        {
            foreach (var point in points)
            {
                Points.Enqueue(point);
            }
        });
    }

    public ConcurrentQueue<JsonElement> Lines { get; } = new();

    public ConcurrentQueue<JsonElement> Jobs { get; } = new();

    public ConcurrentQueue<JsonElement> Points { get; } = new();

    public ConcurrentQueue<JsonElement> Notebooks { get; } = new();

    /// <param name="gate">When given, the client takes no further message while the gate is closed.</param>
    /// <param name="token">The bearer token to connect with; the admin's when null.</param>
    public static async Task<HubClient> ConnectAsync(PlatformProcess platform, SemaphoreSlim? gate = null, string? token = null)
    {
        var bearer = token ?? platform.AdminToken;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(platform.BaseAddress, "hubs/jobs"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(bearer))
            .Build();
        var client = new HubClient(connection, gate);
        await connection.StartAsync();
        return client;
    }

    public Task SubscribeAsync(string jobId) => _connection.InvokeAsync("SubscribeJob", jobId);

    public Task SubscribeNotebookAsync(string notebookId) => _connection.InvokeAsync("SubscribeNotebook", notebookId);

    public Task InvokeAsync(string method, string argument) => _connection.InvokeAsync(method, argument);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
