using Microsoft.Extensions.Options;

namespace Platform.Core.Settings;

/// <summary>Stops start-up on a bad setting of <typeparamref name="T"/>, with every message its <see cref="ICheckedSettings.Problems"/> gives.</summary>
public sealed class SettingsValidator<T> : IValidateOptions<T>
    where T : class, ICheckedSettings
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
