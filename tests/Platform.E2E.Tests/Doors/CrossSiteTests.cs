using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Doors;

/// <summary>
/// What a page of another site can send without asking first (no body or a text, form or multipart
/// body, no custom header) changes nothing: body-less state changes need <c>X-Platform-Client</c> or
/// a JSON type, and the API takes only its own body types.
/// </summary>
[Trait("Category", "Docker")]
[Collection(DoorsFixture.Collection)]
public sealed class CrossSiteTests(DoorsFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Cancel_without_the_client_header_is_refused_and_the_job_keeps_running_with_it_the_job_is_cancelled()
    {
        var id = JobJson.Id(await Platform.SubmitAsync(DoorsFixture.LongJob("cancel-needs-header")));
        await Platform.WaitForLineAsync(id, "worker-0", "ready", Timeout);

        var refused = await fixture.Bare.PostAsync($"api/jobs/{id}/cancel", null);

        var problem = await Problem.AssertAsync(refused, HttpStatusCode.Forbidden);
        Assert.Contains("X-Platform-Client", Problem.Detail(problem));
        Assert.Equal("Running", (await Platform.GetJobAsync(id)).GetProperty("state").GetString());
        Assert.DoesNotContain(await Platform.EventsAsync(id), e => e.GetProperty("type").GetString() == "Cancelled");

        using var withHeader = new HttpRequestMessage(HttpMethod.Post, $"api/jobs/{id}/cancel");
        withHeader.Headers.Add("X-Platform-Client", "1");
        Assert.Equal(HttpStatusCode.Accepted, (await fixture.Bare.SendAsync(withHeader)).StatusCode);
        await Platform.WaitForStateAsync(id, "Cancelled", Timeout);
    }

    [Fact]
    public async Task Cancel_with_a_json_content_type_and_no_header_is_accepted()
    {
        var id = JobJson.Id(await Platform.SubmitAsync(DoorsFixture.LongJob("cancel-json-type")));
        await Platform.WaitForTaskStateAsync(id, "worker-0", "Running", Timeout);

        var response = await fixture.Bare.PostAsync($"api/jobs/{id}/cancel", new StringContent("", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Platform.WaitForStateAsync(id, "Cancelled", Timeout);
    }

    [Fact]
    public async Task Notebook_stop_without_the_client_header_is_refused_before_anything_is_looked_up()
    {
        await Problem.AssertAsync(await fixture.Bare.DeleteAsync("api/notebooks/nb-00000000"), HttpStatusCode.Forbidden);
        // With it, the request reaches the API, which knows no such notebook.
        await Problem.AssertAsync(await Platform.Http.DeleteAsync("api/notebooks/nb-00000000"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Spec_without_a_content_type_or_header_is_refused()
    {
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes(DoorsFixture.LongJob("no-type")));

        await Problem.AssertAsync(await fixture.Bare.PostAsync("api/jobs", body), HttpStatusCode.Forbidden);
        Assert.False(await fixture.ListsJobNamedAsync("no-type"));
    }

    [Theory]
    [InlineData("text/plain", "text-plain")]
    [InlineData("multipart/form-data; boundary=b", "multipart")]
    [InlineData("application/x-www-form-urlencoded", "form")]
    [InlineData("text/x-yaml", "text-x-yaml")]
    public async Task Spec_of_another_body_type_is_a_415_problem_even_with_the_client_header_and_not_stored(string contentType, string name)
    {
        var bare = Typed(DoorsFixture.LongJob(name), contentType);
        var withHeader = Typed(DoorsFixture.LongJob(name), contentType);

        await Problem.AssertAsync(await fixture.Bare.PostAsync("api/jobs", bare), HttpStatusCode.UnsupportedMediaType);
        await Problem.AssertAsync(await Platform.Http.PostAsync("api/jobs", withHeader), HttpStatusCode.UnsupportedMediaType);
        Assert.False(await fixture.ListsJobNamedAsync(name));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/yaml")]
    [InlineData("application/x-yaml")]
    [InlineData("text/yaml; charset=utf-8")]
    public async Task Spec_of_each_api_body_type_passes_the_doors_without_the_client_header(string contentType)
    {
        // Invalid on purpose: a 400 about the name proves the spec was read, and nothing runs.
        var body = contentType == "application/json" ? """{"name": "Bad_Name"}""" : "name: Bad_Name\n";

        var problem = await Problem.AssertAsync(await fixture.Bare.PostAsync("api/jobs", Typed(body, contentType)), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _), problem.ToString());
    }

    [Fact]
    public async Task Notebook_request_as_yaml_is_a_415_problem()
    {
        var response = await Platform.Http.PostAsync("api/notebooks", Typed("gpus: 0\ncpus: 1\nmemoryMb: 512\n", "application/yaml"));

        await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    private static ByteArrayContent Typed(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
