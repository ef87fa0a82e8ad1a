using System.Diagnostics;

namespace Platform.E2E.Tests.Infrastructure;

/// <summary>
/// A throw-away image built by a test from a Dockerfile given inline (on top of an image the
/// machine has), removed again at the end.
/// </summary>
public sealed class ScratchImage : IAsyncDisposable
{
    private ScratchImage(string name) => Name = name;

    public string Name { get; }

    public static async Task<ScratchImage> BuildAsync(string name, string dockerfile)
    {
        var build = Process.Start(new ProcessStartInfo("docker", ["build", "-q", "-t", name, "-"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await build.StandardInput.WriteAsync(dockerfile);
        build.StandardInput.Close();
        var error = build.StandardError.ReadToEndAsync();
        await build.StandardOutput.ReadToEndAsync();
        await build.WaitForExitAsync();
        Assert.True(build.ExitCode == 0, $"docker build of {name} failed: {await error}");
        return new ScratchImage(name);
    }

    public async ValueTask DisposeAsync() =>
        await DockerEngine.Client.Images.DeleteImageAsync(Name, new Docker.DotNet.Models.ImageDeleteParameters { Force = true });
}
