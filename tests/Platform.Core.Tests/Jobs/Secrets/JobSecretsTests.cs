using System.Buffers.Text;
using Platform.Core.Jobs;

namespace Platform.Core.Tests.Jobs.Secrets;

public sealed class JobSecretsTests
{
    [Fact]
    public void A_secret_is_32_random_bytes_in_base64url()
    {
        var secret = JobSecrets.Create();

        Assert.Equal(43, secret.Length);
        Assert.Equal(JobSecrets.Bytes, Base64Url.DecodeFromChars(secret).Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", secret);
    }

    [Fact]
    public void Every_secret_is_new()
    {
        var secrets = Enumerable.Range(0, 1000).Select(_ => JobSecrets.Create()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(1000, secrets.Count);
    }

    [Fact]
    public void A_spec_cannot_set_the_job_secret() =>
        Assert.True(PlatformEnv.IsReserved(PlatformEnv.JobSecret));
}
