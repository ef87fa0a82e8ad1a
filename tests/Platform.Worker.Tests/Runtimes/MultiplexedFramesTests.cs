using System.Text;
using Docker.DotNet;
using Platform.Worker.Runtimes;

namespace Platform.Worker.Tests.Runtimes;

/// <summary>The frame ends the log splitter relies on, read from the library's own stream reader.</summary>
public class MultiplexedFramesTests
{
    [Fact]
    public async Task Frame_end_is_seen_after_the_last_byte_of_each_frame_and_not_before()
    {
        var wire = new MemoryStream([.. Frame(1, "first frame"), .. Frame(2, "err"), .. Frame(1, "x")]);
        using var stream = new MultiplexedStream(wire, multiplexed: true);
        var buffer = new byte[4];
        var reads = new List<(string Text, bool Ends)>();

        while (await stream.ReadOutputAsync(buffer, 0, buffer.Length, CancellationToken.None) is { EOF: false } read)
        {
            reads.Add((Encoding.ASCII.GetString(buffer, 0, read.Count), MultiplexedFrames.FrameEnded(stream)));
        }

        Assert.Equal(
            [("firs", false), ("t fr", false), ("ame", true), ("err", true), ("x", true)],
            reads);
    }

    private static byte[] Frame(byte stream, string text)
    {
        var payload = Encoding.ASCII.GetBytes(text);
        return [stream, 0, 0, 0, 0, 0, (byte)(payload.Length >> 8), (byte)payload.Length, .. payload];
    }
}
