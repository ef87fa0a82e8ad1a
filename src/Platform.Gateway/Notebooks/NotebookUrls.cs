using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Platform.Contracts.Notebooks;
using Platform.Core.Notebooks;

namespace Platform.Gateway.Notebooks;

/// <summary>
/// A notebook's <c>url</c> as callers see it: the control plane knows only <c>/notebooks/{id}/</c>;
/// with <see cref="NotebookOptions.OriginDomain"/> set it becomes the absolute address on the
/// notebook's own origin, with the scheme and port of the request that asked (or, for what the hub
/// pushes unasked, of the gateway's first listening address).
/// </summary>
public sealed class NotebookUrls(IOptions<NotebookOptions> options, IServer server)
{
    public NotebookView For(NotebookView notebook, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Rewrite(notebook, request.Scheme, request.Host.Port);
    }

    /// <summary>For a message with no request behind it.</summary>
    public NotebookView ForPush(NotebookView notebook)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        var scheme = address.Split("://", 2)[0];
        var port = int.TryParse(address[(address.LastIndexOf(':') + 1)..].TrimEnd('/'), out var bound) ? bound : (int?)null;
        return Rewrite(notebook, scheme, port);
    }

    private NotebookView Rewrite(NotebookView notebook, string scheme, int? port)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var domain = options.Value.OriginDomain;
        return notebook.Url is null || string.IsNullOrEmpty(domain)
            ? notebook
            : notebook with { Url = NotebookOrigins.UrlOf(notebook.Id, domain, scheme, port) };
    }
}
