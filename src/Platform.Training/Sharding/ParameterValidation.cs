namespace Platform.Training.Sharding;

/// <summary>Checks a model's parameter list and the value lists passed for it, with messages that name the parameter.</summary>
internal static class ParameterValidation
{
    public static void CheckParameters(IReadOnlyList<ParameterInfo> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
        {
            throw new TrainingException("The model has no parameters.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            if (string.IsNullOrEmpty(parameter.Name))
            {
                throw new TrainingException("A parameter has an empty name.");
            }

            if (!names.Add(parameter.Name))
            {
                throw new TrainingException($"Parameter '{parameter.Name}' appears twice.");
            }

            if (parameter.Shape is null || parameter.Shape.Any(dimension => dimension < 1) || parameter.Length > Array.MaxLength)
            {
                throw new TrainingException($"Parameter '{parameter.Name}' has shape [{string.Join(", ", parameter.Shape ?? [])}]; every dimension must be at least 1 and the total fit in one array.");
            }
        }
    }

    public static void CheckValues(IReadOnlyList<ParameterInfo> parameters, IReadOnlyList<float[]> values, string what)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != parameters.Count)
        {
            throw new TrainingException($"{what}: {values.Count} arrays given for {parameters.Count} parameters.");
        }

        for (var index = 0; index < parameters.Count; index++)
        {
            if (values[index] is null || values[index].Length != parameters[index].Length)
            {
                throw new TrainingException($"{what}: parameter '{parameters[index].Name}' needs {parameters[index].Length} values, got {values[index]?.Length ?? 0}.");
            }
        }
    }
}
