namespace Platform.E2E.Tests.Fuzz;

/// <summary>One generated request: its body, its content type (null: none) and what was done to it, for the failure message.</summary>
internal sealed record FuzzCase(int Index, string Body, string? ContentType, string What)
{
    public override string ToString()
    {
        var shown = Body.Length <= 300 ? Body : $"{Body[..300]}… ({Body.Length} characters)";
        return $"case {Index} ({What}; {ContentType ?? "no content type"}): {shown}";
    }
}
