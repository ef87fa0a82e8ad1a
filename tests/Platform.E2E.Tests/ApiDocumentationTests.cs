using System.Net.Http.Json;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests;

[Trait("Category", "Docker")]
public sealed class ApiDocumentationTests(TwoGpuFixture fixture) : IClassFixture<TwoGpuFixture>
{
    [Fact]
    public async Task OpenApi_document_describes_every_rest_path_of_the_contract()
    {
        var document = await fixture.Platform.Http.GetFromJsonAsync<JsonElement>("openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.Superset(new HashSet<string>
        {
            "/api/jobs", "/api/jobs/{id}", "/api/jobs/{id}/cancel", "/api/jobs/{id}/logs", "/api/jobs/{id}/events",
            "/api/jobs/{id}/metrics", "/api/nodes", "/api/nodes/{id}/drain", "/api/nodes/{id}/undrain", "/api/images", "/api/notebooks", "/api/notebooks/{id}",
        }, paths.ToHashSet());
    }

    [Fact]
    public async Task Browsable_api_reference_and_web_ui_are_served_without_a_cdn()
    {
        var reference = await fixture.Platform.Http.GetStringAsync("scalar/v1");
        var index = await fixture.Platform.Http.GetStringAsync("/");

        Assert.Contains("<div id=\"app\"></div>", reference);
        Assert.DoesNotContain("https://", index);
        Assert.Contains("lib/signalr.min.js", index);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await fixture.Platform.Http.GetAsync("lib/signalr.min.js")).StatusCode);
    }
}
