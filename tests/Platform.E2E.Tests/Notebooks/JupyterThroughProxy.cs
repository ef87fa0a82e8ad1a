using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Notebooks;

/// <summary>Jupyter's REST API and kernel WebSockets, reached only through the gateway's proxy, signed in to the platform and without Jupyter's token.</summary>
public sealed class JupyterThroughProxy(PlatformProcess platform, string notebookId)
{
    public string BasePath => $"notebooks/{notebookId}/";

    public async Task<JsonElement> ContentsAsync(string path = "")
    {
        var response = await platform.Http.GetAsync($"{BasePath}api/contents/{path}");
        return await ReadAsync(response, HttpStatusCode.OK, "listing contents");
    }

    public async Task SaveTextAsync(string path, string text)
    {
        var response = await platform.Http.PutAsJsonAsync($"{BasePath}api/contents/{path}", new { type = "file", format = "text", content = text });
        Assert.True(response.IsSuccessStatusCode, $"saving {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<string> StartKernelAsync()
    {
        var response = await platform.Http.PostAsJsonAsync($"{BasePath}api/kernels", new { name = "python3" });
        return (await ReadAsync(response, HttpStatusCode.Created, "starting a kernel")).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> KernelAsync(string kernelId) =>
        await ReadAsync(await platform.Http.GetAsync($"{BasePath}api/kernels/{kernelId}"), HttpStatusCode.OK, "reading a kernel");

    public Task<KernelSocket> ConnectAsync(string kernelId)
    {
        var address = new UriBuilder(new Uri(platform.BaseAddress, $"{BasePath}api/kernels/{kernelId}/channels")) { Scheme = "ws" }.Uri;
        // Signed in as the platform's client is: the owner of the notebook.
        var authorization = platform.Http.DefaultRequestHeaders.Authorization!.ToString();
        return KernelSocket.ConnectAsync(address, new Dictionary<string, string> { ["Authorization"] = authorization });
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{what} through the proxy answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
