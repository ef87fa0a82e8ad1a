using Microsoft.Extensions.Options;
using Platform.Core.Notebooks;

namespace Platform.Grains.Notebooks;

/// <summary>Stops start-up on a bad <c>Platform:Notebooks</c> setting, naming it and its allowed range.</summary>
public sealed class NotebookOptionsValidator : IValidateOptions<NotebookOptions>
{
    public ValidateOptionsResult Validate(string? name, NotebookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
