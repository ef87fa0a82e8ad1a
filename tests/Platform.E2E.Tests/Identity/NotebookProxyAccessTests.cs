using System.Net;
using System.Net.WebSockets;
using Platform.E2E.Tests.Infrastructure;
using Platform.E2E.Tests.Notebooks;

namespace Platform.E2E.Tests.Identity;

/// <summary>The notebook proxy asks the owner on every request and every WebSocket: nobody else gets to ann's Jupyter.</summary>
[Trait("Category", "Docker")]
[Collection(IdentityCollection.Name)]
public sealed class NotebookProxyAccessTests(IdentityFixture fixture)
{
    private PlatformProcess Platform => fixture.Platform;

    [Theory]
    [InlineData(Callers.Admin, HttpStatusCode.Forbidden)]
    [InlineData(Callers.MemberB, HttpStatusCode.NotFound)]
    [InlineData(Callers.ViewerA, HttpStatusCode.NotFound)]
    [InlineData(Callers.JwtMemberA, HttpStatusCode.NotFound)]
    [InlineData(Callers.NoToken, HttpStatusCode.Unauthorized)]
    [InlineData(Callers.BadToken, HttpStatusCode.Unauthorized)]
    [InlineData(Callers.RevokedToken, HttpStatusCode.Unauthorized)]
    [InlineData(Callers.ExpiredJwt, HttpStatusCode.Unauthorized)]
    public async Task Kernel_websocket_of_anns_notebook_is_refused_to_anyone_else(string caller, HttpStatusCode expected)
    {
        await Platform.WaitForNotebookAsync(fixture.NotebookA, "Ready");
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (fixture.Bearers[caller] is { } bearer)
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {bearer}");
        }

        var address = new UriBuilder(Platform.BaseAddress) { Scheme = "ws", Path = $"notebooks/{fixture.NotebookA}/api/kernels/00000000-0000-0000-0000-000000000000/channels" }.Uri;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(address, CancellationToken.None));

        Assert.Equal(expected, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Owner_reaches_her_notebook_through_the_proxy()
    {
        await Platform.WaitForNotebookAsync(fixture.NotebookA, "Ready");

        using var contents = await fixture.Client(Callers.MemberA).GetAsync($"notebooks/{fixture.NotebookA}/api/contents");

        Assert.Equal(HttpStatusCode.OK, contents.StatusCode);
    }
}
