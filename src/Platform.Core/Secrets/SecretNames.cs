using System.Text.RegularExpressions;

namespace Platform.Core.Secrets;

/// <summary>The shape of a secret's name: like an environment variable or a DNS label, so it reads well in a spec.</summary>
public static partial class SecretNames
{
    public const string Rule = "1 to 63 characters of letters, digits, '_', '-' and '.', starting with a letter, a digit or '_'";

    public static bool IsValid(string? name) => name is not null && Name().IsMatch(name);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}\z")]
    private static partial Regex Name();
}
