namespace Platform.E2E.Tests.Identity;

/// <summary>The identity test classes share one platform (<see cref="IdentityFixture"/>): starting one is slow.</summary>
[CollectionDefinition(Name)]
public sealed class IdentityCollection : ICollectionFixture<IdentityFixture>
{
    public const string Name = "Identity";
}
