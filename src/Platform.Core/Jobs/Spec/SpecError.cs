namespace Platform.Core.Jobs.Spec;

/// <summary>
/// One reason a job spec is refused. <paramref name="Field"/> is the camelCase JSON path of the
/// bad value (<c>name</c>, <c>replicas.worker.resources.gpus</c>, <c>env.TF_CONFIG</c>), or
/// <c>body</c> when the request body could not be read at all.
/// </summary>
/// <param name="Field">The JSON path the error is about, as the problem details <c>errors</c> key.</param>
/// <param name="Message">What is wrong and, where it helps, what is allowed.</param>
public sealed record SpecError(string Field, string Message);
