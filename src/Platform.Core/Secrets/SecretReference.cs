namespace Platform.Core.Secrets;

/// <summary>One <c>secretEnv</c> entry of a spec: where it is written, the variable it sets, the secret it names.</summary>
/// <param name="Field">The entry's JSON path: <c>secretEnv.DB_PASSWORD</c>, <c>replicas.worker.secretEnv.DB_PASSWORD</c>.</param>
/// <param name="Variable">The environment variable the task gets.</param>
/// <param name="Secret">The name of the secret of the job's team.</param>
public sealed record SecretReference(string Field, string Variable, string Secret);
