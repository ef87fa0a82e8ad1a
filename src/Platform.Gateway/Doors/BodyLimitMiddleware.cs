using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Platform.Gateway.Doors;

/// <summary>
/// Holds an endpoint to its <see cref="BodyLimit"/> before its handler reads a byte: a declared
/// <c>Content-Length</c> over the limit is refused at once; otherwise Kestrel's per-request limit is
/// lowered to it, and a buffered body is read here, counted as it arrives, and handed to the handler
/// from memory. Runs after routing, which tells which endpoint it is.
/// </summary>
public sealed class BodyLimitMiddleware(RequestDelegate next, IOptions<LimitsOptions> options)
{
    private const int ChunkBytes = 16 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>() is not { } limit)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        var bytes = limit.Bytes(options.Value);
        if (request.ContentLength > bytes)
        {
            await limit.TooLarge(request, bytes).WriteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrel)
        {
            kestrel.MaxRequestBodySize = bytes;
        }

        if (limit.Buffered && context.Features.Get<IHttpRequestBodyDetectionFeature>() is not { CanHaveBody: false })
        {
            if (await ReadAsync(request.Body, bytes, context.RequestAborted) is not { } body)
            {
                await limit.TooLarge(request, bytes).WriteAsync(context);
                return;
            }

            request.Body = body;
        }

        await next(context);
    }

    /// <summary>The whole body, or null as soon as it passes <paramref name="limit"/> bytes.</summary>
    private static async Task<MemoryStream?> ReadAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            var copy = new MemoryStream();
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, ChunkBytes), cancellationToken)) > 0)
            {
                if (copy.Length + read > limit)
                {
                    return null;
                }

                copy.Write(buffer, 0, read);
            }

            copy.Position = 0;
            return copy;
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
