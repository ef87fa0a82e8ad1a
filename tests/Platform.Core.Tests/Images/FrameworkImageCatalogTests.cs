using Platform.Contracts.Nodes;
using Platform.Core.Images;
using Platform.Core.Jobs.Spec;

namespace Platform.Core.Tests.Images;

/// <summary>
/// What <c>GET /api/images</c> lists from the nodes' reports. A report is written
/// <c>node: tag[+tag] framework version</c>, reports separated by <c>;</c>; an expected entry is
/// <c>image framework version node,node</c>, in the order listed.
/// </summary>
public sealed class FrameworkImageCatalogTests
{
    public static readonly TheoryData<string, string, string> Cases = new()
    {
        // allow-list, what the nodes report, what is listed
        { "platform/*", "", "" },
        { "platform/*", "a: platform/pytorch:2.6-cpu pytorch 2.6", "platform/pytorch:2.6-cpu pytorch 2.6 a" },
        {
            "platform/*",
            "b: platform/pytorch:2.6-cpu pytorch 2.6; a: platform/pytorch:2.6-cpu pytorch 2.6; a: platform/pytorch:1.13-cpu pytorch 1.13",
            "platform/pytorch:1.13-cpu pytorch 1.13 a; platform/pytorch:2.6-cpu pytorch 2.6 a,b"
        },
        {
            "platform/*",
            "a: platform/mlnet:5.0 mlnet 5.0; a: platform/hello-ps:1.0 python 3",
            "platform/hello-ps:1.0 python 3 a; platform/mlnet:5.0 mlnet 5.0 a"
        },
        { "platform/*", "a: platform/pytorch:2.6-cpu+platform/pytorch:latest pytorch 2.6", "platform/pytorch:2.6-cpu pytorch 2.6 a; platform/pytorch:latest pytorch 2.6 a" },
        { "platform/*", "a: team/trainer:1 pytorch 2.6", "" },
        { "platform/*,team/trainer:1", "a: team/trainer:1 pytorch 2.6; a: team/trainer:2 pytorch 2.6", "team/trainer:1 pytorch 2.6 a" },
        { "", "a: platform/pytorch:2.6-cpu pytorch 2.6", "" },
        { "*", "a: <none>:<none> pytorch 2.6", "" },
        { "platform/*", "a: platform/x:1 pytorch 2.6; b: platform/x:1 pytorch 1.13", "platform/x:1 pytorch 1.13 b; platform/x:1 pytorch 2.6 a" },
        { "platform/*", "a: platform/x:1 pytorch 2.6; a: platform/x:1 pytorch 2.6", "platform/x:1 pytorch 2.6 a" },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Lists_allowed_tagged_images_with_the_nodes_that_have_them(string allowed, string reports, string expected)
    {
        var catalog = FrameworkImageCatalog.Build(new ImageAllowList(Split(allowed, ',')), Reports(reports));

        Assert.Equal(Split(expected, ';'), catalog.Select(image =>
            $"{image.Image} {image.Framework} {image.FrameworkVersion} {string.Join(',', image.Nodes)}"));
    }

    [Fact]
    public void Size_in_mb_and_creation_time_are_the_largest_and_latest_any_node_reports()
    {
        var early = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var byNode = new Dictionary<string, IReadOnlyList<NodeImage>>
        {
            ["a"] = [Image("platform/pytorch:2.6-cpu", sizeBytes: 1_200 * 1024 * 1024, created: early)],
            ["b"] = [Image("platform/pytorch:2.6-cpu", sizeBytes: (1_300 * 1024 * 1024) + (512 * 1024), created: early.AddDays(1))],
        };

        var image = Assert.Single(FrameworkImageCatalog.Build(new ImageAllowList(["platform/*"]), byNode));

        Assert.Equal(1300.5, image.SizeMb);
        Assert.Equal(early.AddDays(1), image.Created);
    }

    private static Dictionary<string, IReadOnlyList<NodeImage>> Reports(string reports) =>
        Split(reports, ';')
            .Select(report => report.Split(':', 2))
            .Select(parts => (Node: parts[0].Trim(), Fields: parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .GroupBy(report => report.Node)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<NodeImage>)[.. group.Select(report => new NodeImage
            {
                Id = $"sha256:{report.Fields[0]}",
                Tags = report.Fields[0].Split('+'),
                Framework = report.Fields[1],
                FrameworkVersion = report.Fields[2],
            })]);

    private static NodeImage Image(string tag, long sizeBytes, DateTimeOffset created) => new()
    {
        Id = $"sha256:{tag}", Tags = [tag], Framework = "pytorch", FrameworkVersion = "2.6", SizeBytes = sizeBytes, Created = created,
    };

    private static string[] Split(string text, char separator) =>
        text.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
