using System.Globalization;

namespace Platform.Training.Checkpoints;

/// <summary>
/// The checkpoint files of one training run in a directory: <c>checkpoint-&lt;step&gt;.ptck</c>, each written to a
/// temporary file and renamed into place, the newest <see cref="Kept"/> kept.
/// </summary>
internal sealed class CheckpointStore(string directory, Action<string> log)
{
    public const int Kept = 2;
    private const string Prefix = "checkpoint-";
    private const string Extension = ".ptck";

    public string Directory { get; } = directory;

    /// <summary>The newest checkpoint that reads back whole, or null when there is none. Corrupt files are skipped with a log line.</summary>
    public (Checkpoint Checkpoint, string Path)? Latest()
    {
        foreach (var (_, path) in Files().OrderByDescending(file => file.Step))
        {
            try
            {
                using var stream = File.OpenRead(path);
                return (CheckpointFormat.Read(stream), path);
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException)
            {
                log($"skipping unreadable checkpoint {path}: {exception.Message}");
            }
        }

        return null;
    }

    /// <summary>Writes the checkpoint atomically (temporary file, flush to disk, rename) and removes older ones beyond <see cref="Kept"/>.</summary>
    public string Save(Checkpoint checkpoint)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = System.IO.Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"{Prefix}{checkpoint.Step:D12}{Extension}"));
        var temporary = $"{path}.tmp-{Guid.NewGuid():N}";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                CheckpointFormat.Write(stream, checkpoint);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        foreach (var (_, old) in Files().OrderByDescending(file => file.Step).Skip(Kept))
        {
            File.Delete(old);
        }

        return path;
    }

    private IEnumerable<(long Step, string Path)> Files()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            yield break;
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, $"{Prefix}*{Extension}"))
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(path);
            if (long.TryParse(name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var step))
            {
                yield return (step, path);
            }
        }
    }
}
