using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Identity;

/// <summary>
/// A small OpenID provider on 127.0.0.1: discovery, its EC P-256 key (<c>/jwks</c>), an
/// <c>/authorize</c> that signs <see cref="NextUser"/> in at once and sends the browser back with a
/// code, and a <c>/token</c> that gives an ES256 id token for a code only with the PKCE verifier of
/// its challenge. What it was asked and what it refused is kept for the tests to check.
/// </summary>
public sealed class FakeOidcProvider : IAsyncDisposable
{
    public const string KeyId = "e2e-key";

    private readonly HttpListener _listener = new();
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ConcurrentDictionary<string, Grant> _grants = new();
    private readonly Task _serving;
    private int _tokensIssued;

    public FakeOidcProvider(string clientId)
    {
        ClientId = clientId;
        for (var attempt = 1; ; attempt++)
        {
            Issuer = $"http://127.0.0.1:{TestPorts.Free()}";
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add(Issuer + "/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 3)
            {
            }
        }

        _serving = ServeAsync();
    }

    /// <summary>The provider's issuer and the platform's <c>Platform:Auth:Oidc:Authority</c>.</summary>
    public string Issuer { get; private set; }

    public string ClientId { get; }

    /// <summary>Who <c>/authorize</c> signs in next.</summary>
    public FakeOidcUser NextUser { get; set; } = new("oidc-user", "member", "vision");

    /// <summary>The query of every <c>/authorize</c> request, oldest first.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Authorizations { get; } = new();

    /// <summary>Codes exchanged for an id token.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>Why <c>/token</c> refused, for a failing test's message.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        await _serving.ContinueWith(_ => { }, TaskScheduler.Default);
        _key.Dispose();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            switch (context.Request.Url!.AbsolutePath)
            {
                case "/.well-known/openid-configuration":
                    await JsonAsync(context.Response, 200, Discovery());
                    break;
                case "/jwks":
                    await JsonAsync(context.Response, 200, Jwks());
                    break;
                case "/authorize":
                    Authorize(context);
                    break;
                case "/token":
                    await TokenAsync(context);
                    break;
                default:
                    context.Response.StatusCode = 404;
                    break;
            }
        }
        finally
        {
            context.Response.Close();
        }
    }

    private object Discovery() => new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = $"{Issuer}/authorize",
        ["token_endpoint"] = $"{Issuer}/token",
        ["jwks_uri"] = $"{Issuer}/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "ES256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["scopes_supported"] = new[] { "openid", "profile", "email", "groups" },
    };

    private object Jwks()
    {
        var parameters = _key.ExportParameters(false);
        return new
        {
            keys = new[]
            {
                new { kty = "EC", crv = "P-256", use = "sig", alg = "ES256", kid = KeyId, x = Base64Url(parameters.Q.X!), y = Base64Url(parameters.Q.Y!) },
            },
        };
    }

    private void Authorize(HttpListenerContext context)
    {
        var query = context.Request.QueryString;
        var asked = query.AllKeys.OfType<string>().ToDictionary(key => key, key => query[key] ?? "");
        Authorizations.Enqueue(asked);
        var redirect = asked.GetValueOrDefault("redirect_uri", "");
        if (asked.GetValueOrDefault("client_id") != ClientId || !redirect.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 400;
            return;
        }

        var code = Base64Url(RandomNumberGenerator.GetBytes(32));
        _grants[code] = new Grant(redirect, asked.GetValueOrDefault("nonce"), asked.GetValueOrDefault("code_challenge"),
            asked.GetValueOrDefault("code_challenge_method"), NextUser);
        var back = $"{redirect}{(redirect.Contains('?', StringComparison.Ordinal) ? '&' : '?')}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(asked.GetValueOrDefault("state", ""))}";
        context.Response.Redirect(back);
    }

    private async Task TokenAsync(HttpListenerContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        var form = HttpUtility.ParseQueryString(body);
        var refusal = Check(form, out var grant);
        if (refusal is not null)
        {
            Refusals.Enqueue(refusal);
            await JsonAsync(context.Response, 400, new { error = "invalid_grant", error_description = refusal });
            return;
        }

        Interlocked.Increment(ref _tokensIssued);
        await JsonAsync(context.Response, 200, new
        {
            access_token = Base64Url(RandomNumberGenerator.GetBytes(16)),
            token_type = "Bearer",
            expires_in = 300,
            id_token = IdToken(grant!),
        });
    }

    private string? Check(System.Collections.Specialized.NameValueCollection form, out Grant? grant)
    {
        grant = null;
        if (form["grant_type"] != "authorization_code")
        {
            return $"grant_type is {form["grant_type"]}";
        }

        if (form["code"] is not { } code || !_grants.TryRemove(code, out grant))
        {
            return "the code is unknown or used";
        }

        if (form["client_id"] != ClientId || form["redirect_uri"] != grant.RedirectUri)
        {
            return $"client_id {form["client_id"]} or redirect_uri {form["redirect_uri"]} differ from the authorization's";
        }

        if (grant.ChallengeMethod != "S256" || string.IsNullOrEmpty(grant.Challenge) || form["code_verifier"] is not { } verifier
            || Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.Challenge)
        {
            return "the PKCE code_verifier does not match the code_challenge (S256)";
        }

        return null;
    }

    private string IdToken(Grant grant)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["sub"] = grant.User.Sub,
            ["aud"] = ClientId,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 300,
            ["groups"] = grant.User.Groups,
        };
        if (grant.Nonce is not null)
        {
            claims["nonce"] = grant.Nonce;
        }

        if (grant.User.Role is not null)
        {
            claims["role"] = grant.User.Role;
        }

        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "ES256", typ = "JWT", kid = KeyId }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = _key.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256);
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    private static async Task JsonAsync(HttpListenerResponse response, int status, object body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.Headers["Cache-Control"] = "no-store";
        await response.OutputStream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(body));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Grant(string RedirectUri, string? Nonce, string? Challenge, string? ChallengeMethod, FakeOidcUser User);
}
