using System.Net;

namespace Platform.E2E.Tests.Doors;

/// <summary>A body sent with <c>Transfer-Encoding: chunked</c>: its length is not told in advance.</summary>
public sealed class ChunkedContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
