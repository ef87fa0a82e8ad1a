using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Doors;

/// <summary>
/// A job spec may be 1 MiB and a notebook request 64 KiB; one byte more is a 413 problem naming the
/// limit, whether the length is declared or the body is chunked, and nothing is stored.
/// </summary>
[Trait("Category", "Docker")]
[Collection(DoorsFixture.Collection)]
public sealed class BodyLimitTests(DoorsFixture fixture)
{
    private const int SpecLimit = 1024 * 1024;
    private const int NotebookLimit = 64 * 1024;

    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Spec_of_exactly_the_limit_is_accepted()
    {
        var response = await Platform.Http.PostAsync("api/jobs", Yaml(PaddedSpec("spec-at-limit", SpecLimit)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Spec_one_byte_over_the_limit_is_a_413_problem_and_not_stored()
    {
        var response = await Platform.Http.PostAsync("api/jobs", Yaml(PaddedSpec("spec-over-limit", SpecLimit + 1)));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1048576 bytes", Problem.Detail(problem));
        Assert.Contains("Platform:Limits:MaxSpecBytes", Problem.Detail(problem));
        Assert.False(await fixture.ListsJobNamedAsync("spec-over-limit"));
    }

    [Fact]
    public async Task Chunked_spec_is_counted_as_it_arrives_refused_past_the_limit_and_read_whole_below_it()
    {
        var over = await Platform.Http.PostAsync("api/jobs", Chunked(PaddedSpec("chunked-over-limit", 2 * SpecLimit)));
        var under = await Platform.Http.PostAsync("api/jobs", Chunked(PaddedSpec("chunked-under-limit", SpecLimit - 100)));

        await Problem.AssertAsync(over, HttpStatusCode.RequestEntityTooLarge);
        Assert.False(await fixture.ListsJobNamedAsync("chunked-over-limit"));
        Assert.Equal(HttpStatusCode.Created, under.StatusCode);
        Assert.True(await fixture.ListsJobNamedAsync("chunked-under-limit"));
    }

    [Fact]
    public async Task Notebook_request_over_64_KiB_is_a_413_problem_and_one_of_exactly_64_KiB_is_read()
    {
        var over = await Platform.Http.PostAsync("api/notebooks", Json(PaddedNotebook(NotebookLimit + 1)));
        var atLimit = await Platform.Http.PostAsync("api/notebooks", Json(PaddedNotebook(NotebookLimit)));

        var problem = await Problem.AssertAsync(over, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("Platform:Limits:MaxJsonBodyBytes", Problem.Detail(problem));
        // Read and parsed: refused for its unknown padding field, not for its size.
        var parsed = await Problem.AssertAsync(atLimit, HttpStatusCode.BadRequest);
        Assert.True(parsed.GetProperty("errors").TryGetProperty("pad", out _), parsed.ToString());
    }

    /// <summary>A valid one-task spec whose UTF-8 form is exactly <paramref name="bytes"/> long, padded by a comment.</summary>
    private static byte[] PaddedSpec(string name, int bytes)
    {
        var spec = $$"""
            name: {{name}}
            image: platform/hello-ps:1.0
            command: ["true"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            #
            """;
        return Pad(spec, bytes, "\n");
    }

    private static byte[] PaddedNotebook(int bytes) => Pad("""{"gpus": 0, "cpus": 1, "memoryMb": 512, "pad": """ + "\"", bytes, "\"}");

    private static byte[] Pad(string head, int bytes, string tail)
    {
        var fixedBytes = Encoding.UTF8.GetByteCount(head) + Encoding.UTF8.GetByteCount(tail);
        var padded = Encoding.UTF8.GetBytes(head + new string('x', bytes - fixedBytes) + tail);
        Assert.Equal(bytes, padded.Length);
        return padded;
    }

    private static ByteArrayContent Yaml(byte[] body) => WithType(new ByteArrayContent(body), "application/yaml");

    private static ByteArrayContent Json(byte[] body) => WithType(new ByteArrayContent(body), "application/json");

    private static ChunkedContent Chunked(byte[] body) => WithType(new ChunkedContent(body), "application/yaml");

    private static T WithType<T>(T content, string mediaType) where T : HttpContent
    {
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }
}
