namespace Platform.Cli.Gateway;

/// <summary>An RFC 7807 <c>application/problem+json</c> body; <see cref="Errors"/> names each bad field.</summary>
public sealed record Problem
{
    public string? Title { get; init; }

    public string? Detail { get; init; }

    public int? Status { get; init; }

    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>One line per message, <c>field: message</c>, or the title and detail when no field is named.</summary>
    public IEnumerable<string> Lines()
    {
        if (Errors is { Count: > 0 })
        {
            return Errors.SelectMany(field => field.Value.Select(message => $"{field.Key}: {message}"));
        }

        return new[] { Title, Detail }.OfType<string>().Where(text => text.Length > 0);
    }
}
