using System.Diagnostics;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Cli;

/// <summary>
/// Runs the built CLI (<c>dotnet Platform.Cli.dll ...</c>) as a user would, against one platform
/// (<c>PLATFORM_URL</c>), to completion: a run that outlasts its timeout is killed and fails the test
/// with what it had printed. It runs without a display or <c>$BROWSER</c>, so nothing opens a
/// browser unless a test names one.
/// </summary>
public sealed class CliRunner(PlatformProcess platform)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public async Task<CliResult> RunAsync(params string[] arguments) => await RunAsync(DefaultTimeout, arguments);

    public async Task<CliResult> RunAsync(TimeSpan timeout, params string[] arguments) =>
        await RunAsync(timeout, new Dictionary<string, string?>(), arguments);

    /// <param name="environment">Variables to set for this run; a null value removes one.</param>
    public async Task<CliResult> RunAsync(TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Dll(), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Samples.RepositoryRoot(),
        };
        start.Environment["PLATFORM_URL"] = platform.BaseAddress.ToString();
        foreach (var variable in new[] { "BROWSER", "DISPLAY", "WAYLAND_DISPLAY" })
        {
            start.Environment.Remove(variable);
        }

        start.Environment["PLATFORM_TOKEN"] = platform.AdminToken;
        // Never the token file of the person running the tests.
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(Path.GetTempPath(), "platform-e2e-no-config");

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            var killed = new CliResult(string.Join(' ', arguments), process.ExitCode, await stdout, await stderr);
            Assert.Fail($"platform {killed.Arguments} did not finish within {timeout.TotalSeconds:F0} s and was killed.\n{killed}");
        }

        return new CliResult(string.Join(' ', arguments), process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Writes a job spec to a file the platform's fixture removes with its data, and returns its path.</summary>
    public string SpecFile(string spec, string extension = ".yaml")
    {
        var directory = Directory.CreateDirectory(Path.Combine(platform.DataDir, "cli-specs"));
        var path = Path.Combine(directory.FullName, $"job-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, spec);
        return path;
    }

    private static string Dll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(Samples.RepositoryRoot(), "src", "Platform.Cli", "bin", configuration, "net10.0", "Platform.Cli.dll");
        Assert.True(File.Exists(dll), $"Build the solution first (dotnet build Platform.sln): {dll} is missing.");
        return dll;
    }
}
