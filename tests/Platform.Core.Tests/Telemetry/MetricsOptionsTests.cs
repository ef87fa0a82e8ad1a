using Platform.Core.Telemetry;

namespace Platform.Core.Tests.Telemetry;

public sealed class MetricsOptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("metrics-options-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Nothing_set_is_fine() => Assert.Empty(new MetricsOptions().Problems());

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void Port_out_of_range_is_named(int port)
    {
        var problems = new MetricsOptions { Port = port, ScrapeTokenPath = Write("token", "secret\n") }.Problems();

        Assert.Contains(problems, problem => problem.Contains("Platform:Metrics:Port must be 1-65535", StringComparison.Ordinal));
    }

    [Fact]
    public void Port_without_a_scrape_token_is_refused() =>
        Assert.Contains(new MetricsOptions { Port = 9464 }.Problems(), problem => problem.Contains("ScrapeTokenPath", StringComparison.Ordinal));

    [Fact]
    public void Scrape_token_file_missing_empty_or_too_large_is_refused()
    {
        Assert.NotEmpty(new MetricsOptions { ScrapeTokenPath = Path.Combine(_directory, "missing") }.Problems());
        Assert.NotEmpty(new MetricsOptions { ScrapeTokenPath = Write("empty", " \n") }.Problems());
        Assert.NotEmpty(new MetricsOptions { ScrapeTokenPath = Write("large", new string('x', ScrapeTokenFile.MaxBytes + 1)) }.Problems());
    }

    [Fact]
    public void Scrape_token_is_read_without_its_final_newline()
    {
        var path = Write("token", "  s3cret-token\n");

        Assert.Empty(new MetricsOptions { ScrapeTokenPath = path, Port = 9464 }.Problems());
        Assert.Equal("s3cret-token", ScrapeTokenFile.Read(path));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
