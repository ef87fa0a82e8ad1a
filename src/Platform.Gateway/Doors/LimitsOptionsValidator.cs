using Microsoft.Extensions.Options;

namespace Platform.Gateway.Doors;

/// <summary>Stops start-up on a bad <c>Platform:Limits</c> setting, naming it and its allowed range.</summary>
public sealed class LimitsOptionsValidator : IValidateOptions<LimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, LimitsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
