using Docker.DotNet;
using Docker.DotNet.Models;
using Platform.Contracts.Nodes;

namespace Platform.Worker.Images;

/// <summary>The local Docker engine's images that carry the <c>platform.framework</c> label.</summary>
public sealed class DockerFrameworkImages(IDockerClient docker) : IFrameworkImages
{
    public async Task<IReadOnlyList<NodeImage>> ListAsync(CancellationToken cancellationToken)
    {
        var images = await docker.Images.ListImagesAsync(new ImagesListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [ImageLabels.Framework] = true },
            },
        }, cancellationToken);
        return [.. images
            .Select(image => new NodeImage
            {
                Id = image.ID,
                Tags = [.. (image.RepoTags ?? []).Order(StringComparer.Ordinal)],
                Framework = Label(image, ImageLabels.Framework),
                FrameworkVersion = Label(image, ImageLabels.FrameworkVersion),
                SizeBytes = image.Size,
                Created = new DateTimeOffset(DateTime.SpecifyKind(image.Created, DateTimeKind.Utc)),
            })
            .OrderBy(image => image.Id, StringComparer.Ordinal)];
    }

    private static string Label(ImagesListResponse image, string name) =>
        image.Labels is not null && image.Labels.TryGetValue(name, out var value) ? value : "";
}
