using System.Net.Http.Json;
using System.Text.Json;
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
        JsonElement answer = default;
        await Eventually.HoldsAsync(async () =>
        {
            answer = await Platform.Http.GetFromJsonAsync<JsonElement>("api/images");
            Assert.Contains(Listed(answer), image => image.Image == FrameworkImages.Ours[^1].Image);
        }, TimeSpan.FromSeconds(30), "the node's agent to report its images");

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

    private static List<(string Image, string Framework, string Version, List<string> Nodes, double SizeMb)> Listed(JsonElement answer) =>
        [.. answer.GetProperty("images").EnumerateArray().Select(image => (
            image.GetProperty("image").GetString()!,
            image.GetProperty("framework").GetString()!,
            image.GetProperty("frameworkVersion").GetString()!,
            image.GetProperty("nodes").EnumerateArray().Select(node => node.GetString()!).ToList(),
            image.GetProperty("sizeMb").GetDouble()))];
}
