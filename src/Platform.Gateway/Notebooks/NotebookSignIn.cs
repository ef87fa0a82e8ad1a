using Platform.Contracts.Notebooks;
using Platform.Core.Identity;
using Platform.Core.Notebooks;
using Platform.Gateway.Identity;

namespace Platform.Gateway.Notebooks;

/// <summary>
/// Signing in on a notebook's own origin, where the web UI's session cookie (host-only) is never
/// sent. The browser without the notebook's cookie is sent to <c>/notebooks/{id}/authorize</c> on
/// the gateway's origin, which checks the session and the owner and sends it back to
/// <see cref="NotebookOrigins.SignInPath"/> with a 60-second ticket for this notebook alone; that
/// sets the notebook's host-only HttpOnly cookie. Every request on the notebook's origin is then
/// checked again: the cookie, the owner, the token it was made from, and where the page is.
/// </summary>
public static class NotebookSignIn
{
    /// <summary>
    /// Lax, not Strict: the cookie is set at the end of a redirect chain that began on the
    /// gateway's page, and Chromium does not send a Strict cookie on that chain's last navigation, so
    /// the notebook never sees it (tried: with Strict, NotebookOriginPageTests never reaches
    /// JupyterLab). Lax cookies still go with no other site's fetch or form POST.
    /// </summary>
    public const SameSiteMode CookieSameSite = SameSiteMode.Lax;

    /// <summary>On the gateway's origin: the session's owner goes on to the notebook's origin with a ticket.</summary>
    public static async Task AuthorizeAsync(HttpContext context, string id, string domain, NotebookRoute? route)
    {
        NoStore(context.Response);
        if (PlatformClaims.CallerOf(context.User) is not { } caller)
        {
            await Refuse(context, StatusCodes.Status401Unauthorized, "Sign-in required", "Sign in to the platform, then open the notebook again.");
            return;
        }

        var access = route is null ? Access.Hidden : AccessPolicy.Decide(caller, Act.Use, Resource.Notebook(route.User));
        if (access != Access.Allowed)
        {
            await (access == Access.Forbidden
                ? Refuse(context, StatusCodes.Status403Forbidden, "Forbidden", $"Notebook {id} is {route!.User}'s; only its owner can use it.")
                : Refuse(context, StatusCodes.Status404NotFound, "Not found", $"There is no notebook '{id}'."));
            return;
        }

        var pass = new NotebookPass(id, caller.User, caller.Role, caller.Teams, context.User.FindFirst(PlatformClaims.TokenHash)?.Value);
        var ticket = context.RequestServices.GetRequiredService<NotebookPasses>().Ticket(pass);
        var request = context.Request;
        context.Response.Redirect(NotebookOrigins.OriginOf(id, domain, request.Scheme, request.Host.Port) +
            $"{NotebookOrigins.SignInPath}?{NotebookOrigins.TicketParameter}={Uri.EscapeDataString(ticket)}");
    }

    /// <summary>On the notebook's origin: a good ticket becomes the notebook's cookie, and the browser goes to the notebook.</summary>
    public static async Task TakeTicketAsync(HttpContext context, string id)
    {
        NoStore(context.Response);
        var ticket = context.Request.Query[NotebookOrigins.TicketParameter].ToString();
        var passes = context.RequestServices.GetRequiredService<NotebookPasses>();
        if (!HttpMethods.IsGet(context.Request.Method) || passes.OpenTicket(ticket, id) is not { } pass)
        {
            await Refuse(context, StatusCodes.Status403Forbidden, "Sign-in ticket refused",
                $"The ticket is missing, expired (it lasts {NotebookPasses.TicketLifetime.TotalSeconds} s) or not for notebook {id}; open the notebook from the platform again.");
            return;
        }

        context.Response.Cookies.Append(NotebookPasses.CookieName, passes.Cookie(pass), new CookieOptions
        {
            HttpOnly = true,
            SameSite = CookieSameSite,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = NotebookPasses.CookieLifetime,
        });
        context.Response.Redirect(NotebookPaths.BaseOf(id));
    }

    /// <summary>On the notebook's origin: checks who is calling, then forwards, or sends a browser without the cookie to sign in.</summary>
    public static async Task ForwardOnOwnOriginAsync(HttpContext context, string id, string domain, NotebookRoute? route)
    {
        var request = context.Request;
        var own = NotebookOrigins.OriginOf(id, domain, request.Scheme, request.Host.Port);
        var (caller, byCookie) = await CallerAsync(context, id);
        if (caller is null && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && !context.WebSockets.IsWebSocketRequest)
        {
            NoStore(context.Response);
            context.Response.Redirect(NotebookOrigins.GatewayOriginOf(domain, request.Scheme, request.Host.Port) + NotebookOrigins.AuthorizePathOf(id));
            return;
        }

        await NotebookProxy.ForwardAsync(context, id, route, caller, new NotebookOrigin(own, byCookie));
    }

    /// <summary>On the gateway's origin, with separate origins on: the notebook is not served here.</summary>
    public static async Task SendToOwnOriginAsync(HttpContext context, string id, string domain)
    {
        var request = context.Request;
        var url = NotebookOrigins.UrlOf(id, domain, request.Scheme, request.Host.Port);
        if (HttpMethods.IsGet(request.Method) && !context.WebSockets.IsWebSocketRequest)
        {
            context.Response.Redirect(NotebookOrigins.OriginOf(id, domain, request.Scheme, request.Host.Port) + request.Path + request.QueryString);
            return;
        }

        await Refuse(context, StatusCodes.Status404NotFound, "Not found", $"Notebooks are served on their own origins: this one at {url}.");
    }

    /// <summary>
    /// A bearer token's caller (the browser never sends one by itself), else the notebook cookie's,
    /// while the API token it was made from is still good. The web UI's session never counts here.
    /// </summary>
    private static async Task<(Caller? Caller, bool ByCookie)> CallerAsync(HttpContext context, string id)
    {
        if (context.User.Identity is { IsAuthenticated: true } identity && identity.AuthenticationType != IdentitySchemes.Cookie)
        {
            return (PlatformClaims.CallerOf(context.User), false);
        }

        var services = context.RequestServices;
        if (services.GetRequiredService<NotebookPasses>().OpenCookie(context.Request.Cookies[NotebookPasses.CookieName], id) is not { } pass)
        {
            return (null, false);
        }

        if (pass.TokenHash is { } hash &&
            await ApiTokenHandler.FindByHashAsync(services.GetRequiredService<IGrainFactory>(), hash, services.GetRequiredService<TimeProvider>()) is null)
        {
            context.Response.Cookies.Delete(NotebookPasses.CookieName);
            return (null, false);
        }

        return (pass.Caller, true);
    }

    private static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        // The ticket is in the address: no page it leads to may learn it.
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    private static Task Refuse(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title).ExecuteAsync(context);
}
