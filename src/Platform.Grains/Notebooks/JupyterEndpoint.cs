using Platform.Core.Notebooks;

namespace Platform.Grains.Notebooks;

/// <summary>A notebook's Jupyter: where it listens, under which base path, with which token.</summary>
public sealed record JupyterEndpoint(string Host, int Port, string NotebookId, string Token)
{
    public Uri Url(string relative) => new($"http://{Host}:{Port}{NotebookPaths.Of(NotebookId, relative)}");

    public override string ToString() => $"JupyterEndpoint {{ {Host}:{Port} {NotebookId} }}";
}
