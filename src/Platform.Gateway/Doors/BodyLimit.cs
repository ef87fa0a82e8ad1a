namespace Platform.Gateway.Doors;

/// <summary>
/// Endpoint metadata: the largest request body an endpoint takes (one of <see cref="LimitsOptions"/>),
/// and whether <see cref="BodyLimitMiddleware"/> reads it whole before the handler runs. Buffered
/// bodies are counted as they arrive, so a chunked body is refused at the first byte over the limit.
/// </summary>
public sealed record BodyLimit(Func<LimitsOptions, long> Bytes, string Setting, bool Buffered)
{
    /// <summary>A job spec: <see cref="LimitsOptions.MaxSpecBytes"/>, read whole.</summary>
    public static readonly BodyLimit Spec = new(limits => limits.MaxSpecBytes, $"{LimitsOptions.Section}:{nameof(LimitsOptions.MaxSpecBytes)}", Buffered: true);

    /// <summary>Other JSON bodies of the API: <see cref="LimitsOptions.MaxJsonBodyBytes"/>, read whole.</summary>
    public static readonly BodyLimit Json = new(limits => limits.MaxJsonBodyBytes, $"{LimitsOptions.Section}:{nameof(LimitsOptions.MaxJsonBodyBytes)}", Buffered: true);

    /// <summary>What the notebook proxy forwards: <see cref="LimitsOptions.MaxNotebookProxyBodyBytes"/>, streamed.</summary>
    public static readonly BodyLimit NotebookProxy = new(
        limits => limits.MaxNotebookProxyBodyBytes, $"{LimitsOptions.Section}:{nameof(LimitsOptions.MaxNotebookProxyBodyBytes)}", Buffered: false);

    /// <summary>The 413 for a body over <paramref name="bytes"/>.</summary>
    public Refusal TooLarge(HttpRequest request, long bytes) => new(StatusCodes.Status413PayloadTooLarge, "Request body too large",
        $"The body of {request.Method} {request.Path} may be at most {bytes} bytes ({Setting}); nothing was stored.");
}
