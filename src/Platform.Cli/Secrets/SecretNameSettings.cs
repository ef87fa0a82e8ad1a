using System.ComponentModel;
using Spectre.Console.Cli;

namespace Platform.Cli.Secrets;

/// <summary>A team and the name of one of its secrets.</summary>
public class SecretNameSettings : SecretSettings
{
    [CommandArgument(1, "<NAME>")]
    [Description("The secret's name: letters, digits, '_', '-' and '.', at most 63 characters.")]
    public string Name { get; init; } = "";
}
