using System.Buffers.Text;
using System.Security.Cryptography;

namespace Platform.Core.Jobs;

/// <summary>
/// The per-job secret every task of a job receives as <see cref="PlatformEnv.JobSecret"/>: tasks on
/// the same host network tell their own job's traffic (the parameter servers' gRPC calls) from
/// another job's by it. Made once when the job is submitted and kept for the job's whole life.
/// </summary>
public static class JobSecrets
{
    /// <summary>Random bytes in a secret: 32 (256 bits), written as 43 base64url characters.</summary>
    public const int Bytes = 32;

    /// <summary>A fresh secret from the system's cryptographic random number generator.</summary>
    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));
}
