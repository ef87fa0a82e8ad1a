namespace Platform.Worker.Runtimes;

/// <summary>
/// One part of an output line: the whole line, or, for a line longer than
/// <see cref="LineCutter.MaxPartBytes"/>, a piece of it. <paramref name="Continued"/> says the line
/// goes on in the next part of the same stream; joining the parts up to the first one not continued
/// gives the line back.
/// </summary>
public readonly record struct LinePart(string Text, bool Continued, int Bytes);
