using System.Net;
using System.Text.Json;

namespace Platform.Cli.Gateway;

/// <summary>What the gateway answered: the status and the body, read once, and the next page's path when it pages.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, string Body, string? MediaType, string? Next = null)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public bool IsJson => MediaType is not null && MediaType.Contains("json", StringComparison.OrdinalIgnoreCase);

    public T Read<T>() => JsonSerializer.Deserialize<T>(Body, CliJson.Options)
        ?? throw new GatewayException($"The platform answered {(int)Status} with an empty body.", Status, null);

    /// <summary>The problem details in the body, or null when the body is not one.</summary>
    public Problem? Problem()
    {
        if (!IsJson || Body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Problem>(Body, CliJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The exception for an answer the command did not expect.</summary>
    public GatewayException Unexpected(string what)
    {
        var problem = Problem();
        var details = problem is null ? Body : string.Join("; ", problem.Lines());
        var message = $"{what}: the platform answered {(int)Status} {Status}" + (details.Length > 0 ? $": {details}" : ".");
        if (Status == HttpStatusCode.Unauthorized)
        {
            message += $" Give a token: --token, ${GatewaySettings.TokenVariable} or the file {TokenFile.Path} (run.sh writes the admin's there).";
        }

        return new GatewayException(message, Status, problem);
    }
}
