namespace Platform.Contracts.Secrets;

/// <summary>A secret's value in clear, on its way to be encrypted; its <see cref="ToString"/> never shows it.</summary>
[GenerateSerializer, Immutable, Alias("platform.SecretText")]
public sealed record SecretText([property: Id(0)] string Value)
{
    /// <summary>Keeps the value out of any accidental ToString (logs, exception messages).</summary>
    public override string ToString() => "SecretText { *** }";
}
