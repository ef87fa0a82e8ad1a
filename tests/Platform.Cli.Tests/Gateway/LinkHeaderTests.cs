using Platform.Cli.Gateway;

namespace Platform.Cli.Tests.Gateway;

public sealed class LinkHeaderTests
{
    public static TheoryData<string?, string?> Headers => new()
    {
        { null, null },
        { "", null },
        { "</api/jobs?limit=2&cursor=abc>; rel=\"next\"", "api/jobs?limit=2&cursor=abc" },
        { "</api/jobs?cursor=x>;rel=next", "api/jobs?cursor=x" },
        { "</api/jobs?cursor=p>; rel=\"prev\", </api/jobs?cursor=n>; rel=\"next\"", "api/jobs?cursor=n" },
        { "</api/jobs?cursor=p>; rel=\"prev\"", null },
        { "api/jobs; rel=\"next\"", null },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void The_next_page_is_the_link_whose_rel_is_next(string? header, string? next) =>
        Assert.Equal(next, LinkHeader.Next(header));
}
