using Platform.Core.Notebooks;

namespace Platform.Core.Tests.Notebooks;

public class NotebookOriginsTests
{
    public static TheoryData<string?, string?, string?> Hosts => new()
    {
        { "nb-1a2b3c4d.localhost", "localhost", "nb-1a2b3c4d" },
        { "NB-1A2B3C4D.LocalHost", "localhost", "nb-1a2b3c4d" },
        { "nb-1.platform.example.org", "platform.example.org", "nb-1" },
        { "localhost", "localhost", null },
        { "127.0.0.1", "localhost", null },
        { "a.b.localhost", "localhost", null },
        { ".localhost", "localhost", null },
        { "-x.localhost", "localhost", null },
        { "nb-1.evil-localhost", "localhost", null },
        { "nb-1.localhost", "", null },
        { "nb-1.localhost", null, null },
        { null, "localhost", null },
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Only_a_single_label_under_the_domain_names_a_notebook(string? host, string? domain, string? id)
    {
        Assert.Equal(id, NotebookOrigins.IdOf(host, domain));
    }

    public static TheoryData<string, int?, string> Urls => new()
    {
        { "http", 5080, "http://nb-1.localhost:5080/notebooks/nb-1/" },
        { "http", 80, "http://nb-1.localhost/notebooks/nb-1/" },
        { "https", 443, "https://nb-1.localhost/notebooks/nb-1/" },
        { "https", 80, "https://nb-1.localhost:80/notebooks/nb-1/" },
        { "http", null, "http://nb-1.localhost/notebooks/nb-1/" },
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public void Url_is_the_notebook_host_with_the_gateways_scheme_and_port(string scheme, int? port, string url)
    {
        Assert.Equal(url, NotebookOrigins.UrlOf("nb-1", "localhost", scheme, port));
    }

    [Fact]
    public void Gateway_origin_is_the_domain_itself()
    {
        Assert.Equal("http://localhost:5080", NotebookOrigins.GatewayOriginOf("localhost", "http", 5080));
        Assert.Equal("/notebooks/nb-1/authorize", NotebookOrigins.AuthorizePathOf("nb-1"));
    }
}
