using System.Text;

namespace Platform.Worker.Runtimes;

/// <summary>
/// Cuts one output stream's bytes into lines, and a line longer than <see cref="MaxPartBytes"/>
/// into parts of at most that many bytes, each but the last marked as continued. A cut never falls
/// inside a UTF-8 code point. Each byte is looked at once, and no more than one part is held:
/// whatever a task prints, the memory stays bounded and the time linear.
/// </summary>
public sealed class LineCutter
{
    /// <summary>The largest part of a line, in UTF-8 bytes (64 KiB): a longer line is cut into parts.</summary>
    public const int MaxPartBytes = 64 * 1024;

    /// <summary>The longest UTF-8 code point is four bytes: a cut moves back at most three.</summary>
    private const int MaxCodePointTail = 3;

    private readonly byte[] _pending = new byte[MaxPartBytes];
    private int _length;

    /// <summary>No byte of an unfinished line is held.</summary>
    public bool IsEmpty => _length == 0;

    /// <summary>Adds bytes; appends to <paramref name="parts"/> each part they complete.</summary>
    public void Add(ReadOnlySpan<byte> chunk, List<LinePart> parts)
    {
        while (!chunk.IsEmpty)
        {
            var newline = chunk.IndexOf((byte)'\n');
            Append(newline >= 0 ? chunk[..newline] : chunk, parts);
            if (newline < 0)
            {
                return;
            }

            parts.Add(Take(_length, continued: false));
            chunk = chunk[(newline + 1)..];
        }
    }

    /// <summary>The unfinished last line, if any (the stream ended without a newline).</summary>
    public LinePart? Flush() => _length > 0 ? Take(_length, continued: false) : null;

    private void Append(ReadOnlySpan<byte> content, List<LinePart> parts)
    {
        while (!content.IsEmpty)
        {
            // Full, and the line goes on: cut now, at the last code point boundary.
            if (_length == MaxPartBytes)
            {
                var cut = MaxPartBytes;
                while (cut > MaxPartBytes - MaxCodePointTail && IsContinuationByte(cut < MaxPartBytes ? _pending[cut] : content[0]))
                {
                    cut--;
                }

                parts.Add(Take(cut, continued: true));
            }

            var count = Math.Min(content.Length, MaxPartBytes - _length);
            content[..count].CopyTo(_pending.AsSpan(_length));
            _length += count;
            content = content[count..];
        }
    }

    private LinePart Take(int count, bool continued)
    {
        var text = count;
        while (!continued && text > 0 && _pending[text - 1] == (byte)'\r')
        {
            text--;
        }

        var part = new LinePart(Encoding.UTF8.GetString(_pending, 0, text), continued, count);
        _pending.AsSpan(count, _length - count).CopyTo(_pending);
        _length -= count;
        return part;
    }

    private static bool IsContinuationByte(byte value) => (value & 0b1100_0000) == 0b1000_0000;
}
