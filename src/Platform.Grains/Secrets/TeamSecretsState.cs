namespace Platform.Grains.Secrets;

[GenerateSerializer, Alias("platform.TeamSecretsState")]
public sealed class TeamSecretsState
{
    /// <summary>By secret name.</summary>
    [Id(0)] public Dictionary<string, StoredSecret> Secrets { get; set; } = [];
}
