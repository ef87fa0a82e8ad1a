using System.Net;
using System.Net.WebSockets;
using System.Text;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Doors;

/// <summary>
/// A page of another site reaches neither the API, the hub (negotiate and WebSocket) nor the notebook
/// proxy (HTTP and WebSocket); the gateway's own pages, a configured origin and clients that send no
/// Origin (the CLI, curl) do. A Host the gateway is not bound to gets nothing (DNS rebinding).
/// </summary>
[Trait("Category", "Docker")]
[Collection(DoorsFixture.Collection)]
public sealed class OriginAndHostTests(DoorsFixture fixture)
{
    private const string Foreign = "http://evil.example";

    private PlatformProcess Platform => fixture.Platform;

    public static TheoryData<string> RefusedOrigins => [Foreign, "null", "https://ui.example.org:8443", "file://"];

    [Theory]
    [MemberData(nameof(RefusedOrigins))]
    public async Task Spec_from_a_foreign_origin_is_a_403_problem_and_not_stored(string origin)
    {
        var response = await SendAsync(HttpMethod.Post, "api/jobs", origin, DoorsFixture.LongJob("foreign-origin"));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("Platform:AllowedOrigins", Problem.Detail(problem));
        Assert.False(await fixture.ListsJobNamedAsync("foreign-origin"));
    }

    [Fact]
    public async Task Spec_from_the_gateways_own_origin_is_accepted()
    {
        var response = await SendAsync(HttpMethod.Post, "api/jobs", fixture.OwnOrigin, """
            name: own-origin
            image: platform/hello-ps:1.0
            command: ["true"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            """);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Spec_from_a_configured_origin_or_without_origin_passes_the_doors()
    {
        // Invalid on purpose: a 400 about the name proves the spec got past the doors.
        var trusted = await SendAsync(HttpMethod.Post, "api/jobs", DoorsFixture.TrustedOrigin, "name: Bad_Name\n");
        var none = await SendAsync(HttpMethod.Post, "api/jobs", null, "name: Bad_Name\n");

        await Problem.AssertAsync(trusted, HttpStatusCode.BadRequest);
        await Problem.AssertAsync(none, HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(RefusedOrigins))]
    public async Task Hub_negotiate_from_a_foreign_origin_is_a_403_problem(string origin)
    {
        await Problem.AssertAsync(await SendAsync(HttpMethod.Post, "hubs/jobs/negotiate?negotiateVersion=1", origin), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Hub_negotiate_from_the_own_or_a_configured_origin_or_without_one_is_answered()
    {
        foreach (var origin in new[] { fixture.OwnOrigin, DoorsFixture.TrustedOrigin, null })
        {
            var response = await SendAsync(HttpMethod.Post, "hubs/jobs/negotiate?negotiateVersion=1", origin);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"negotiate from {origin ?? "no origin"} answered {(int)response.StatusCode}");
        }

        await using var client = await HubClient.ConnectAsync(Platform);
    }

    [Fact]
    public async Task Hub_websocket_from_a_foreign_origin_is_refused_and_from_the_own_origin_opens()
    {
        // A browser's WebSocket carries no Authorization header: the hub reads the token from the query.
        var hub = WebSocketAddress($"hubs/jobs?access_token={Platform.AdminToken}");

        Assert.Equal(HttpStatusCode.Forbidden, await RefusedHandshakeAsync(hub, Foreign));
        using var own = await OpenAsync(hub, fixture.OwnOrigin);
        Assert.Equal(WebSocketState.Open, own.State);
        await own.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task Notebook_proxy_refuses_a_foreign_origin_over_http_and_websocket()
    {
        var page = await SendAsync(HttpMethod.Get, "notebooks/nb-00000000/lab", Foreign);
        var ownPage = await SendAsync(HttpMethod.Get, "notebooks/nb-00000000/lab", fixture.OwnOrigin);

        await Problem.AssertAsync(page, HttpStatusCode.Forbidden);
        // Past the doors, the proxy itself answers: there is no such notebook.
        await Problem.AssertAsync(ownPage, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden,
            await RefusedHandshakeAsync(WebSocketAddress("notebooks/nb-00000000/api/kernels/k/channels"), Foreign));
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:{port}")]
    [InlineData("127.0.0.1.evil.example:{port}")]
    public async Task Request_naming_a_host_the_gateway_is_not_bound_to_is_a_400_problem(string host)
    {
        foreach (var path in new[] { "api/nodes", "", "hubs/jobs/negotiate?negotiateVersion=1" })
        {
            using var request = new HttpRequestMessage(path.StartsWith("hubs", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get, path);
            request.Headers.Host = host.Replace("{port}", Platform.BaseAddress.Port.ToString(), StringComparison.Ordinal);

            var problem = await Problem.AssertAsync(await Platform.Http.SendAsync(request), HttpStatusCode.BadRequest);
            Assert.Contains("AllowedHosts", Problem.Detail(problem));
        }
    }

    [Theory]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("localhost:{port}")]
    [InlineData("LOCALHOST")]
    [InlineData("[::1]:{port}")]
    public async Task Request_naming_a_loopback_name_is_answered(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/nodes");
        request.Headers.Host = host.Replace("{port}", Platform.BaseAddress.Port.ToString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await Platform.Http.SendAsync(request)).StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? origin, string? yaml = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (yaml is not null)
        {
            request.Content = new StringContent(yaml, Encoding.UTF8, "application/yaml");
        }

        return await fixture.Bare.SendAsync(request);
    }

    private Uri WebSocketAddress(string path) => new UriBuilder(new Uri(Platform.BaseAddress, path)) { Scheme = "ws" }.Uri;

    private static async Task<ClientWebSocket> OpenAsync(Uri address, string origin)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", origin);
        socket.Options.CollectHttpResponseDetails = true;
        await socket.ConnectAsync(address, CancellationToken.None);
        return socket;
    }

    /// <summary>The status of a WebSocket handshake that must fail.</summary>
    private static async Task<HttpStatusCode> RefusedHandshakeAsync(Uri address, string origin)
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", origin);
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(address, CancellationToken.None));
        return socket.HttpStatusCode;
    }
}
