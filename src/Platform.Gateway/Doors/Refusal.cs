namespace Platform.Gateway.Doors;

/// <summary>Why a door refused a request; written as problem+json, so every refusal reads alike.</summary>
public sealed record Refusal(int Status, string Title, string Detail)
{
    public Task WriteAsync(HttpContext context) =>
        TypedResults.Problem(Detail, statusCode: Status, title: Title).ExecuteAsync(context);
}
