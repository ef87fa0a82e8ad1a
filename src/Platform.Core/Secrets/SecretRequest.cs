namespace Platform.Core.Secrets;

/// <summary>A valid <c>POST /api/teams/{team}/secrets</c> body.</summary>
public sealed record SecretRequest(string Name, string Value)
{
    /// <summary>Keeps the value out of any accidental ToString (logs, exception messages).</summary>
    public override string ToString() => $"SecretRequest {{ Name = {Name} }}";
}
