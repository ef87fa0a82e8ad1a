using Platform.Core.Jobs.Spec;

namespace Platform.Core.Tests.Jobs.Spec;

/// <summary>Exact names and <c>*</c>/<c>?</c> globs; nothing is allowed by an empty list.</summary>
public sealed class ImageAllowListTests
{
    public static readonly TheoryData<string, string, bool> Cases = new()
    {
        { "platform/*", "platform/torchsharp:0.107-cpu", true },
        { "platform/*", "platform/team/trainer:1", true },
        { "platform/*", "platformx/trainer", false },
        { "platform/*", "docker.io/platform/trainer", false },
        { "platform/sample", "platform/sample", true },
        { "platform/sample", "platform/sample:latest", false },
        { "platform/sample", "platform/sample2", false },
        { "debian:*", "debian:12", true },
        { "debian:*", "debian:bookworm-slim", true },
        { "debian:*", "debian", false },
        { "debian:1?", "debian:12", true },
        { "debian:1?", "debian:1", false },
        { "Platform/*", "platform/trainer", false },
        { "a*b*c", "axxbyyc", true },
        { "a*b*c", "axxbyy", false },
        { "*", "anything/at:all", true },
        { "ubuntu:22.04,platform/*", "ubuntu:22.04", true },
        { "ubuntu:22.04,platform/*", "ubuntu:24.04", false },
        { "", "platform/trainer", false },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Image_is_allowed_only_when_a_pattern_matches(string patterns, string image, bool allowed)
    {
        var list = new ImageAllowList(patterns.Split(',', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(allowed, list.IsAllowed(image));
    }

    [Fact]
    public void Empty_list_allows_nothing()
    {
        var list = new ImageAllowList([]);

        Assert.Empty(list.Patterns);
        Assert.False(list.IsAllowed("platform/trainer"));
    }

    [Fact]
    public void Patterns_keep_their_order_without_blanks()
    {
        var list = new ImageAllowList(["platform/*", " ", "debian:*"]);

        Assert.Equal(["platform/*", "debian:*"], list.Patterns);
    }
}
