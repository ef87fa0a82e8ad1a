using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Platform.Cli.Gateway;

/// <summary>The options every command takes: where the gateway is and who is calling.</summary>
public class GatewaySettings : CommandSettings
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    public const string UrlVariable = "PLATFORM_URL";
    public const string TokenVariable = "PLATFORM_TOKEN";

    [CommandOption("--url <URL>")]
    [Description("The gateway's address. Default: $PLATFORM_URL, else " + DefaultUrl + ".")]
    public string? Url { get; init; }

    [CommandOption("--token <TOKEN>")]
    [Description("Sent as 'Authorization: Bearer TOKEN'. Default: $PLATFORM_TOKEN, else the file ~/.config/platform/token.")]
    public string? Token { get; init; }

    /// <summary>The gateway's base address, always ending in '/'.</summary>
    public Uri GatewayUrl
    {
        get
        {
            var url = FirstSet(Url, Environment.GetEnvironmentVariable(UrlVariable)) ?? DefaultUrl;
            return new Uri(url.EndsWith('/') ? url : url + "/");
        }
    }

    public string? BearerToken => FirstSet(Token, Environment.GetEnvironmentVariable(TokenVariable), TokenFile.Read());

    public GatewayClient CreateClient() => new(GatewayUrl, BearerToken);

    public override ValidationResult Validate()
    {
        var url = FirstSet(Url, Environment.GetEnvironmentVariable(UrlVariable)) ?? DefaultUrl;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? ValidationResult.Success()
            : ValidationResult.Error($"The gateway address '{url}' (--url or ${UrlVariable}) is not an http:// or https:// URL.");
    }

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}
