using Platform.Contracts.Identity;

namespace Platform.Grains.Identity;

[GenerateSerializer, Alias("platform.ApiTokensState")]
public sealed class ApiTokensState
{
    /// <summary>By token id.</summary>
    [Id(0)] public Dictionary<string, ApiToken> Tokens { get; set; } = [];
}
