using Microsoft.Extensions.Options;

namespace Platform.Gateway.Doors;

/// <summary>Stops start-up on a bad <c>Platform:AllowedOrigins</c> entry, naming it.</summary>
public sealed class DoorOptionsValidator : IValidateOptions<DoorOptions>
{
    public ValidateOptionsResult Validate(string? name, DoorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
