namespace Platform.Contracts.Secrets;

/// <summary>What <see cref="ITeamSecretsGrain.SetAsync"/> did.</summary>
[GenerateSerializer]
public enum SecretWrite
{
    /// <summary>A new secret.</summary>
    Created,
    /// <summary>A secret of this name got a new value.</summary>
    Updated,
    /// <summary>Nothing stored: the team has the most secrets allowed already.</summary>
    TooMany,
}
