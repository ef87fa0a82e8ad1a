namespace Platform.Training;

/// <summary>The parameters as pulled from the parameter servers.</summary>
/// <param name="Step">The step these values belong to: compute this step's gradient from them and push it with this step.</param>
/// <param name="Values">One array per parameter, in the order of the <see cref="ParameterInfo"/> list given to the client.</param>
public sealed record ParameterSnapshot(long Step, IReadOnlyList<float[]> Values);
