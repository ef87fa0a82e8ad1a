using Platform.Contracts.Identity;
using Platform.Core.Identity;
using Platform.Grains.Identity;
using Platform.Grains.Tests.Cluster;

namespace Platform.Grains.Tests.Identity;

/// <summary>The admin token of the first start and the token store, across control-plane restarts.</summary>
public sealed class ApiTokensTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task The_first_start_writes_an_admin_token_only_its_owner_reads_and_later_starts_keep_it()
    {
        var path = _dir.File(AdminTokenFile.FileName);
        string token;
        await using (var first = await PlatformClusterFixture.DeployAsync(_dir.Path))
        {
            token = (await File.ReadAllTextAsync(path)).Trim();
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }

            var found = await Tokens(first.Client).FindAsync(TokenText.Hash(token));
            Assert.NotNull(found);
            Assert.Equal((AdminTokenFile.User, Role.Admin), (found.User, found.Role));
            Assert.Equal([AdminTokenFile.Team], found.Teams);
        }

        await using var second = await PlatformClusterFixture.DeployAsync(_dir.Path);
        Assert.Equal(token, (await File.ReadAllTextAsync(path)).Trim());
        Assert.NotNull(await Tokens(second.Client).FindAsync(TokenText.Hash(token)));
    }

    [Fact]
    public async Task Deleting_the_file_replaces_the_admin_token_at_the_next_start()
    {
        var path = _dir.File(AdminTokenFile.FileName);
        string old;
        await using (var first = await PlatformClusterFixture.DeployAsync(_dir.Path))
        {
            old = (await File.ReadAllTextAsync(path)).Trim();
        }

        File.Delete(path);
        await using var second = await PlatformClusterFixture.DeployAsync(_dir.Path);
        var replaced = (await File.ReadAllTextAsync(path)).Trim();

        Assert.NotEqual(old, replaced);
        Assert.Null(await Tokens(second.Client).FindAsync(TokenText.Hash(old)));
        Assert.NotNull(await Tokens(second.Client).FindAsync(TokenText.Hash(replaced)));
    }

    [Fact]
    public async Task Tokens_are_kept_across_a_restart_until_revoked()
    {
        var token = new ApiToken { Id = TokenText.NewId(), Hash = TokenText.Hash(TokenText.New()), User = "ann", Role = Role.Member, Teams = ["vision"] };
        await using (var first = await PlatformClusterFixture.DeployAsync(_dir.Path))
        {
            Assert.True(await Tokens(first.Client).AddAsync(token));
            Assert.False(await Tokens(first.Client).AddAsync(token with { Hash = TokenText.Hash(TokenText.New()) }), "a taken id was stored again");
            Assert.False(await Tokens(first.Client).AddAsync(token with { Id = TokenText.NewId() }), "a taken hash was stored again");
        }

        await using var second = await PlatformClusterFixture.DeployAsync(_dir.Path);
        var tokens = Tokens(second.Client);
        Assert.Equal("ann", (await tokens.FindAsync(token.Hash))?.User);
        Assert.Contains(await tokens.ListAsync(), listed => listed.Id == token.Id);

        Assert.True(await tokens.RevokeAsync(token.Id));

        Assert.Null(await tokens.FindAsync(token.Hash));
        Assert.DoesNotContain(await tokens.ListAsync(), listed => listed.Id == token.Id);
        Assert.False(await tokens.RevokeAsync(token.Id));
    }

    public void Dispose() => _dir.Dispose();

    private static IApiTokensGrain Tokens(IGrainFactory grains) => grains.GetGrain<IApiTokensGrain>(IApiTokensGrain.Key);
}
