namespace Platform.Core.Notebooks;

/// <summary>What the notebook image reads (jupyter/README.md): its token, its base URL, and where the work directory is mounted.</summary>
public static class JupyterEnv
{
    /// <summary>The token Jupyter requires on every request; jupyter_server reads it from this variable.</summary>
    public const string Token = "JUPYTER_TOKEN";

    /// <summary>The path Jupyter serves under, <c>/notebooks/{id}/</c>, so the proxy forwards paths unchanged.</summary>
    public const string BaseUrl = "JUPYTER_BASE_URL";

    public const string WorkDir = "/home/jovyan/work";
}
