using System.Diagnostics;
using System.Text;

namespace Platform.E2E.Tests.Infrastructure;

/// <summary>One of the platform's own programs (<c>dotnet X.dll</c>) as a real process, its output kept for failure messages.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    /// <summary>Waits until the process has exited and its output has been read to the end, so <see cref="Output"/> is whole.</summary>
    public Task WaitForExitAsync() => _process.WaitForExitAsync();

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the build output of <paramref name="project"/> (e.g. Platform.Gateway) with these settings.</summary>
    public static ChildProcess Start(string project, IReadOnlyDictionary<string, string> settings)
    {
        var dll = BuiltDll(project);
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var child = new ChildProcess(Process.Start(start)!);
        child._process.OutputDataReceived += (_, line) => child.Append(line.Data);
        child._process.ErrorDataReceived += (_, line) => child.Append(line.Data);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>SIGKILL: the process gets no chance to clean up, like a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static string BuiltDll(string project)
    {
        var testBin = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var configuration = new DirectoryInfo(testBin).Parent!.Name;
        var dll = Path.Combine(Samples.RepositoryRoot(), "src", project, "bin", configuration, "net10.0", $"{project}.dll");
        Assert.True(File.Exists(dll), $"Build the solution first (dotnet build Platform.sln): {dll} is missing.");
        return dll;
    }
}
