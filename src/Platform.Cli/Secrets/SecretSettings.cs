using System.ComponentModel;
using Platform.Cli.Gateway;
using Spectre.Console.Cli;

namespace Platform.Cli.Secrets;

/// <summary>The team every <c>platform secret</c> command acts on.</summary>
public class SecretSettings : GatewaySettings
{
    [CommandArgument(0, "<TEAM>")]
    [Description("The team the secret belongs to.")]
    public string Team { get; init; } = "";

    /// <summary>The team's secrets on the gateway.</summary>
    public string Path => $"api/teams/{Uri.EscapeDataString(Team)}/secrets";
}
