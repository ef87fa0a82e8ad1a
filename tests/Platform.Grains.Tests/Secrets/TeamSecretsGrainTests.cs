using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Secrets;
using Platform.Core.Secrets;
using Platform.Grains.Secrets;
using Platform.Grains.Tests.Cluster;

namespace Platform.Grains.Tests.Secrets;

/// <summary>A team's secrets: written, listed without values, removed; stored as Data Protection ciphertext only.</summary>
public sealed class TeamSecretsGrainTests(PlatformClusterFixture cluster) : IClassFixture<PlatformClusterFixture>
{
    private ITeamSecretsGrain Team(string team) => cluster.Client.GetGrain<ITeamSecretsGrain>(team);

    [Fact]
    public async Task A_secret_is_created_replaced_listed_without_its_value_and_deleted()
    {
        var team = Team("store");

        Assert.Equal(SecretWrite.Created, await team.SetAsync("db", new SecretText("first-value"), "ann"));
        var created = Assert.Single(await team.ListAsync());
        Assert.Equal(SecretWrite.Updated, await team.SetAsync("db", new SecretText("second-value"), "bob"));
        var updated = Assert.Single(await team.ListAsync());

        Assert.Equal("db", updated.Name);
        Assert.Equal(created.CreatedAt, updated.CreatedAt);
        Assert.True(updated.UpdatedAt >= created.UpdatedAt);
        Assert.Equal(("ann", "bob"), (created.UpdatedBy, updated.UpdatedBy));
        Assert.True(await team.DeleteAsync("db"));
        Assert.False(await team.DeleteAsync("db"));
        Assert.Empty(await team.ListAsync());
    }

    [Fact]
    public async Task Only_ciphertext_comes_out_and_only_for_names_that_exist()
    {
        var team = Team("cipher");
        await team.SetAsync("api-key", new SecretText("plain-api-key"), "ann");

        var stored = await team.ProtectedAsync(["api-key", "missing"]);

        var ciphertext = Assert.Single(stored).Value;
        Assert.Equal("api-key", Assert.Single(stored).Key);
        Assert.DoesNotContain("plain-api-key", ciphertext, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_holds_at_most_the_limit_but_may_still_replace_one()
    {
        var team = Team("full");
        for (var i = 0; i < SecretLimits.MaxPerTeam; i++)
        {
            Assert.Equal(SecretWrite.Created, await team.SetAsync($"s{i}", new SecretText("v"), "ann"));
        }

        Assert.Equal(SecretWrite.TooMany, await team.SetAsync("one-more", new SecretText("v"), "ann"));
        Assert.Equal(SecretWrite.Updated, await team.SetAsync("s0", new SecretText("w"), "ann"));
        Assert.Equal(SecretLimits.MaxPerTeam, (await team.ListAsync()).Count);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task At_rest_there_is_only_ciphertext_under_a_key_ring_closed_to_others_and_a_purpose_per_team()
    {
        using var dir = new TempDirectory();
        const string Value = "at-rest-value-7d1f0c";
        string ciphertext;
        string jobSecret;
        await using (var platform = await PlatformClusterFixture.DeployAsync(dir.Path))
        {
            var team = platform.Client.GetGrain<ITeamSecretsGrain>("vision");
            await team.SetAsync("db", new SecretText(Value), "ann");
            ciphertext = (await team.ProtectedAsync(["db"]))["db"];

            // A running job's task holds the value in the node's desired state: stored sealed, handed to the agent open.
            await using var jobs = new JobDriver(platform.Client);
            await jobs.Node.RegisterAsync(PlatformClusterFixture.Capacity);
            var id = await jobs.SubmitRunningAsync(Specs.Workers("at-rest", 1, 0, team: "vision") with
            {
                SecretEnv = new Dictionary<string, string> { ["DB"] = "db" },
            });
            var desired = await jobs.DesiredAsync(id, "worker-0");
            Assert.Equal(Value, desired.SecretEnv["DB"]);
            jobSecret = desired.SecretEnv[Platform.Core.Jobs.PlatformEnv.JobSecret];
            Assert.Equal(43, jobSecret.Length);
        }

        var keys = Path.Combine(dir.Path, SecretsHosting.KeysFolder);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        Assert.NotEmpty(Directory.GetFiles(keys, "*.xml"));
        foreach (var file in Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(Value)), $"{file} holds the value in clear");
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(jobSecret)), $"{file} holds the job's secret in clear");
        }

        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName(SecretPurposes.ApplicationName).PersistKeysToFileSystem(new DirectoryInfo(keys));
        await using var provider = services.BuildServiceProvider();
        var ring = provider.GetRequiredService<IDataProtectionProvider>();
        Assert.Equal(Value, ring.CreateProtector(SecretPurposes.ForTeam("vision")).Unprotect(ciphertext));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => ring.CreateProtector(SecretPurposes.ForTeam("speech")).Unprotect(ciphertext));
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
