using Platform.Core.Cluster;

namespace Platform.Core.Tests.Cluster;

public sealed class ClusterSettingsTests
{
    public static TheoryData<string?, PlatformMode?> Modes => new()
    {
        { null, PlatformMode.Embedded },
        { "", PlatformMode.Embedded },
        { "embedded", PlatformMode.Embedded },
        { "Cluster", PlatformMode.Cluster },
        { " cluster ", PlatformMode.Cluster },
        { "clustered", null },
        { "distributed", null },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public void Mode_is_embedded_by_default_and_cluster_only_when_named(string? value, PlatformMode? expected) =>
        Assert.Equal(expected, ClusterSettings.ParseMode(value));

    public static TheoryData<string, ClusterSettings, string?> Settings => new()
    {
        { "redis and cluster id given", new ClusterSettings { Redis = "127.0.0.2:6379,password=x" }, null },
        { "no redis", new ClusterSettings(), "Platform:Cluster:Redis" },
        { "blank redis", new ClusterSettings { Redis = " " }, "Platform:Cluster:Redis" },
        { "empty cluster id", new ClusterSettings { Redis = "r:6379", ClusterId = "" }, "Platform:Cluster:ClusterId" },
        { "missing redis CA file", new ClusterSettings { Redis = "r:6379", RedisCaCertificatePath = "/nonexistent/ca.crt" }, "Platform:Cluster:RedisCaCertificatePath" },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Problems_name_the_key_to_fix(string because, ClusterSettings settings, string? key)
    {
        var problems = settings.Problems();

        if (key is null)
        {
            Assert.True(problems.Count == 0, because);
        }
        else
        {
            Assert.True(problems.Count == 1 && problems[0].StartsWith(key, StringComparison.Ordinal), $"{because}: {string.Join(" | ", problems)}");
        }
    }

    [Fact]
    public void A_silo_also_needs_the_postgres_database_that_gateways_and_agents_never_open()
    {
        var settings = new ClusterSettings { Redis = "127.0.0.2:6379,password=x" };

        Assert.Empty(settings.Problems());
        Assert.StartsWith("Platform:Cluster:Postgres", Assert.Single(settings.SiloProblems()), StringComparison.Ordinal);
        Assert.Empty(new ClusterSettings { Redis = settings.Redis, Postgres = "Host=127.0.0.3;Database=platform" }.SiloProblems());
    }
}
