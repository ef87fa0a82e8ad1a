using System.Net;
using System.Text;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Doors;

/// <summary>Every 4xx and 5xx of the API and the hub is RFC 7807 problem+json with type, title, status and detail.</summary>
[Trait("Category", "Docker")]
[Collection(DoorsFixture.Collection)]
public sealed class ErrorStyleTests(DoorsFixture fixture)
{
    private PlatformProcess Platform => fixture.Platform;

    [Theory]
    [InlineData("api/jobs/no-such-job")]
    [InlineData("api/jobs/no-such-job/events")]
    [InlineData("api/jobs/no-such-job/logs")]
    [InlineData("api/notebooks/nb-00000000")]
    [InlineData("api/no-such-route")]
    [InlineData("api/jobs/no-such-job/no-such-route")]
    public async Task Unknown_resource_or_api_route_is_a_404_problem(string path)
    {
        var problem = await Problem.AssertAsync(await Platform.Http.GetAsync(path), HttpStatusCode.NotFound);

        Assert.Contains(path, Problem.Detail(problem));
    }

    [Fact]
    public async Task Wrong_method_on_a_known_route_is_a_405_problem_naming_the_allowed_ones()
    {
        var get = await Platform.Http.GetAsync("api/jobs/some-job/cancel");
        var put = await Platform.Http.PutAsync("api/jobs", new StringContent("{}", Encoding.UTF8, "application/json"));

        var problem = await Problem.AssertAsync(get, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("POST", get.Content.Headers.Allow);
        Assert.Contains("POST", Problem.Detail(problem));
        await Problem.AssertAsync(put, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Hub_negotiate_with_the_wrong_method_is_a_405_problem()
    {
        await Problem.AssertAsync(await Platform.Http.GetAsync("hubs/jobs/negotiate?negotiateVersion=1"), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Cancel_of_a_finished_job_is_a_409_problem_and_changes_nothing()
    {
        var id = JobJson.Id(await Platform.SubmitAsync("""
            name: finishes-at-once
            image: platform/hello-ps:1.0
            command: ["true"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            """));
        await Platform.WaitForStateAsync(id, "Succeeded", TimeSpan.FromSeconds(60));

        var problem = await Problem.AssertAsync(await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null), HttpStatusCode.Conflict);

        Assert.Contains("already finished Succeeded", Problem.Detail(problem));
        Assert.Equal("Succeeded", (await Platform.GetJobAsync(id)).GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("limit=abc", "limit")]
    [InlineData("after=first", "after")]
    [InlineData("limit=99999999999", "limit")]
    public async Task Query_parameter_of_the_wrong_form_is_a_400_problem_naming_it(string query, string parameter)
    {
        var problem = await Problem.AssertAsync(await Platform.Http.GetAsync($"api/jobs/no-such-job/logs?{query}"), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task Invalid_spec_is_a_400_problem_whose_errors_name_the_field()
    {
        var response = await Platform.Http.PostAsync("api/jobs", new StringContent("name: Not_A_Label\nimage: platform/hello-ps:1.0\n", Encoding.UTF8, "application/yaml"));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _), problem.ToString());
    }

    [Fact]
    public async Task Unexpected_failure_is_a_500_problem_that_hides_the_exception_and_is_logged_under_its_trace_id()
    {
        var response = await Platform.Http.GetAsync("api/testing/fault");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.InternalServerError);
        var body = problem.ToString();
        Assert.DoesNotContain("Fault injected", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(".cs:line", body);
        var traceId = problem.GetProperty("traceId").GetString()!;
        Assert.Contains($"trace id {traceId}", Problem.Detail(problem));
        await Eventually.HoldsAsync(() =>
        {
            Assert.Contains($"GET /api/testing/fault failed; answered 500 with trace id {traceId}", Platform.Output);
            Assert.Contains("System.InvalidOperationException: Fault injected by Platform:Testing:FaultEndpoint", Platform.Output);
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(10), "the failure and its trace id in the platform's log");
        Assert.Equal(HttpStatusCode.OK, (await Platform.Http.GetAsync("api/nodes")).StatusCode);
    }
}
