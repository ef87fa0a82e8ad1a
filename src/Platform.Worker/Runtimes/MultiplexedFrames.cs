using System.Reflection;
using Docker.DotNet;

namespace Platform.Worker.Runtimes;

/// <summary>
/// Whether the last read of a <see cref="MultiplexedStream"/> ended an engine frame. The library
/// hides frame boundaries, but the log splitter needs them: a frame ending without a newline is a
/// long line the engine split, and the next frame of that stream repeats a timestamp that is not
/// the task's text. The field is the library's count of the frame's unread bytes.
/// </summary>
public static class MultiplexedFrames
{
    private static readonly FieldInfo Remaining = typeof(MultiplexedStream).GetField("_remaining", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new MissingFieldException(typeof(MultiplexedStream).FullName, "_remaining");

    public static bool FrameEnded(MultiplexedStream stream) => (int)Remaining.GetValue(stream)! == 0;
}
