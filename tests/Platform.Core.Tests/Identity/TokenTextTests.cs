using Platform.Core.Identity;

namespace Platform.Core.Tests.Identity;

public sealed class TokenTextTests
{
    [Fact]
    public void Tokens_are_random_prefixed_and_hashed_to_hex()
    {
        var one = TokenText.New();
        var two = TokenText.New();

        Assert.NotEqual(one, two);
        Assert.StartsWith(TokenText.Prefix, one);
        Assert.Equal(TokenText.Prefix.Length + 43, one.Length);
        Assert.Matches("^[0-9a-f]{64}$", TokenText.Hash(one));
        Assert.Equal(TokenText.Hash(one), TokenText.Hash(one));
        Assert.NotEqual(TokenText.Hash(one), TokenText.Hash(two));
        Assert.False(TokenText.LooksLikeJwt(one));
        Assert.True(TokenText.LooksLikeJwt("eyJh.eyJz.c2ln"));
    }
}
