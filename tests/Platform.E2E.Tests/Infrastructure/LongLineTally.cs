namespace Platform.E2E.Tests.Infrastructure;

/// <summary>Counts of the stored lines of a task printing one long line of <c>a</c>s, then <c>done</c>; the text itself is not kept.</summary>
public sealed class LongLineTally
{
    public long After { get; set; }

    public int Count { get; private set; }

    public long Bytes { get; private set; }

    public int Full { get; private set; }

    public int Longer { get; private set; }

    /// <summary>Lines of the long line with anything but its <c>a</c>s in them.</summary>
    public int Foreign { get; private set; }

    public string? Last { get; private set; }

    /// <summary>Lines marked as going on in the next one.</summary>
    public int Continued { get; private set; }

    public void Add(string text, bool continued)
    {
        Count++;
        Continued += continued ? 1 : 0;
        Bytes += text.Length;
        Full += text.Length == 64 * 1024 ? 1 : 0;
        Longer += text.Length > 64 * 1024 ? 1 : 0;
        Foreign += text != "done" && text.AsSpan().IndexOfAnyExcept('a') >= 0 ? 1 : 0;
        Last = text.Length <= 100 ? text : $"{text.Length} characters";
    }
}
