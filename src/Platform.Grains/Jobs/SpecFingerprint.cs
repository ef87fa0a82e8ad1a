using System.Security.Cryptography;
using System.Text.Json;
using Platform.Contracts.Jobs;

namespace Platform.Grains.Jobs;

/// <summary>A digest of a spec's fields, to tell a retried submission from a different one.</summary>
public static class SpecFingerprint
{
    public static string Of(JobSpec spec) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(spec)));
}
