namespace Platform.Gateway.Notebooks;

/// <summary>A request on a notebook's own origin: that origin, and whether the notebook's cookie (not a bearer token) signed the caller in.</summary>
public sealed record NotebookOrigin(string Own, bool ByCookie);
