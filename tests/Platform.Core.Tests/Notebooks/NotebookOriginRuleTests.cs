using Platform.Core.Notebooks;

namespace Platform.Core.Tests.Notebooks;

public class NotebookOriginRuleTests
{
    private const string Own = "http://nb-a.localhost:5080";

    public static TheoryData<string, bool, string?, bool, bool> Cases => new()
    {
        // method, websocket, origin, by cookie, refused
        { "GET", false, null, true, false },
        { "GET", false, Own, true, false },
        { "GET", false, "http://nb-b.localhost:5080", true, true },
        { "GET", false, "http://localhost:5080", true, true },
        { "POST", false, Own, true, false },
        { "POST", false, "HTTP://NB-A.LOCALHOST:5080", true, false },
        { "POST", false, "http://nb-b.localhost:5080", true, true },
        { "POST", false, "http://nb-a.localhost:5081", true, true },
        { "POST", false, "null", true, true },
        { "POST", false, null, true, true },
        { "PUT", false, null, true, true },
        { "DELETE", false, null, true, true },
        { "GET", true, null, true, true },
        { "GET", true, Own, true, false },
        { "GET", true, "http://nb-b.localhost:5080", true, true },
        { "POST", false, null, false, false },
        { "GET", true, null, false, false },
        { "POST", false, "http://nb-b.localhost:5080", false, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Only_the_notebooks_own_pages_may_change_it_or_open_its_sockets(string method, bool webSocket, string? origin, bool byCookie, bool refused)
    {
        Assert.Equal(refused, NotebookOriginRule.Check(method, webSocket, origin, Own, byCookie) is not null);
    }
}
