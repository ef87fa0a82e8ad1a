using System.Net.Http.Json;
using System.Text.Json;
using Platform.E2E.Tests.Cli;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Frameworks;

/// <summary><c>GET /api/images</c>: the allow-list and the framework images the node's agent reported from its engine.</summary>
[Collection(FrameworksFixture.Collection)]
[Trait("Category", "Docker")]
public sealed class ImagesApiTests(FrameworksFixture fixture)
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Images_api_lists_each_built_framework_image_with_its_framework_version_and_node()
    {
        var answer = await ReportedAsync();

        Assert.Equal(["platform/*"], answer.GetProperty("allowed").EnumerateArray().Select(pattern => pattern.GetString()));
        var listed = Listed(answer);
        foreach (var (image, framework, version) in FrameworkImages.Ours)
        {
            var entry = listed.FirstOrDefault(entry => entry.Image == image);
            Assert.True(entry.Image is not null, $"GET /api/images does not list {image}; it lists {string.Join(", ", listed.Select(e => e.Image))}");
            Assert.Equal((framework, version), (entry.Framework, entry.Version));
            Assert.Contains(Platform.NodeId, entry.Nodes);
            Assert.True(entry.SizeMb > 0, $"{image} has size {entry.SizeMb} MB");
        }

        // Every image scripts/images.sh builds, also those of other samples, declares its framework and is listed with it.
        foreach (var (dockerfile, image, framework, version) in FrameworkImages.Declared())
        {
            Assert.True(framework is not null && version is not null, $"{dockerfile} lacks the platform.framework or platform.framework.version label");
            await DockerEngine.RequireImagesAsync(image);
            Assert.Contains((image, framework, version), listed.Select(entry => (entry.Image, (string?)entry.Framework, (string?)entry.Version)));
        }
    }

    [Fact]
    public async Task Image_list_command_shows_what_the_images_api_lists()
    {
        var listed = Listed(await ReportedAsync());

        var run = await new CliRunner(Platform).RunAsync("image", "list");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["IMAGE", "FRAMEWORK", "VERSION", "SIZE", "MB", "AGE", "NODES"], run.StdoutLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(listed.Select(image => (image.Image, image.Framework, image.Version, string.Join(',', image.Nodes))),
            run.TableRows.Select(row => (row[0], row[1], row[2], row[^1])));
        Assert.Contains("Allowed: platform/*", run.Stderr);
    }

    /// <summary>The answer once the node's agent has reported its images (it does at start).</summary>
    private async Task<JsonElement> ReportedAsync()
    {
        JsonElement answer = default;
        await Eventually.HoldsAsync(async () =>
        {
            answer = await Platform.Http.GetFromJsonAsync<JsonElement>("api/images");
            Assert.Contains(Listed(answer), image => image.Image == FrameworkImages.Ours[^1].Image);
        }, TimeSpan.FromSeconds(30), "the node's agent to report its images");
        return answer;
    }

    private static List<(string Image, string Framework, string Version, List<string> Nodes, double SizeMb)> Listed(JsonElement answer) =>
        [.. answer.GetProperty("images").EnumerateArray().Select(image => (
            image.GetProperty("image").GetString()!,
            image.GetProperty("framework").GetString()!,
            image.GetProperty("frameworkVersion").GetString()!,
            image.GetProperty("nodes").EnumerateArray().Select(node => node.GetString()!).ToList(),
            image.GetProperty("sizeMb").GetDouble()))];
}
