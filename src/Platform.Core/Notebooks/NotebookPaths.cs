namespace Platform.Core.Notebooks;

/// <summary>Where a notebook is served: under the gateway, and, unchanged, by Jupyter on its node.</summary>
public static class NotebookPaths
{
    public const string Prefix = "/notebooks";

    /// <summary><c>/notebooks/{id}/</c>: the notebook's url in the API, and Jupyter's base URL.</summary>
    public static string BaseOf(string notebookId) => $"{Prefix}/{notebookId}/";

    /// <summary>A path under the notebook's base, e.g. <c>api/status</c>.</summary>
    public static string Of(string notebookId, string relative) => BaseOf(notebookId) + relative.TrimStart('/');
}
