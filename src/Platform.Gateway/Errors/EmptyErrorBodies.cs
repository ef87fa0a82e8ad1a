namespace Platform.Gateway.Errors;

/// <summary>
/// SignalR answers some refusals (a negotiate that is not a POST) with a status, a <c>text/plain</c>
/// type and no body at all; status code pages leave a response with a type alone, so this drops the
/// type of such an error while nothing of it is sent yet (nothing written), and they write it as
/// problem+json like every other. Only for the hub:
/// the notebook proxy passes Jupyter's answers on as they are.
/// </summary>
public sealed class EmptyErrorBodies(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await next(context);
        var response = context.Response;
        if (!response.HasStarted && response.StatusCode >= StatusCodes.Status400BadRequest)
        {
            response.ContentType = null;
            response.ContentLength = null;
        }
    }
}
