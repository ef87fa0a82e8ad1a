namespace Platform.E2E.Tests.Identity;

/// <summary>One request of the matrix, and how to see that a refused one changed nothing.</summary>
public sealed record DoorRequest(HttpMethod Method, string Path, HttpContent? Content = null, Func<Task>? Unchanged = null)
{
    public HttpRequestMessage Message() => new(Method, Path) { Content = Content };
}
