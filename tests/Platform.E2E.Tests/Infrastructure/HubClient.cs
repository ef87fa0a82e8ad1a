using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Platform.E2E.Tests.Infrastructure;

/// <summary>A SignalR client of <c>/hubs/jobs</c> that records everything the hub sends it.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private HubClient(HubConnection connection)
    {
        _connection = connection;
        _connection.On<string, List<JsonElement>>("logLines", (_, lines) =>
        {
            foreach (var line in lines)
            {
                Lines.Enqueue(line);
            }
        });
        _connection.On<JsonElement>("jobUpdated", job => Jobs.Enqueue(job));
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

    public static async Task<HubClient> ConnectAsync(PlatformProcess platform)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(platform.BaseAddress, "hubs/jobs")).Build();
        var client = new HubClient(connection);
        await connection.StartAsync();
        return client;
    }

    public Task SubscribeAsync(string jobId) => _connection.InvokeAsync("SubscribeJob", jobId);

    public Task InvokeAsync(string method, string argument) => _connection.InvokeAsync(method, argument);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
