namespace Platform.E2E.Tests.Infrastructure;

/// <summary>
/// A platform whose node finds its GPUs the way a real one does, by running
/// <c>Platform:Worker:NvidiaSmi</c>, here a script that prints what a two-GPU machine's
/// <c>nvidia-smi</c> prints, and their utilisation when asked for it. No fake GPU count is set, so
/// the GPUs are real to the platform: tasks get device requests for the nvidia driver.
/// </summary>
public sealed class FakeNvidiaSmiFixture : IAsyncLifetime
{
    public static readonly IReadOnlyList<(int Index, string Uuid, string Model, int MemoryMb)> Gpus =
    [
        (0, "GPU-8a1c5e2f-3b7d-4f90-9e6a-2c4d8b1f7e35", "NVIDIA A100-SXM4-40GB", 40960),
        (1, "GPU-5d2e9b71-0c4a-4e3f-8b16-7f9a3c5e1d42", "NVIDIA A100-SXM4-40GB", 40960),
    ];

    /// <summary>What the script says each GPU's utilisation is (percent), asked with the utilisation query.</summary>
    public static readonly IReadOnlyList<int> Utilisation = [87, 0];

    private readonly DirectoryInfo _scripts = Directory.CreateTempSubdirectory("platform-e2e-nvidia-smi-");

    public PlatformProcess Platform { get; private set; } = null!;

    /// <summary>The script the agent runs; it answers only the query the agent makes.</summary>
    public string NvidiaSmi => Path.Combine(_scripts.FullName, "nvidia-smi");

    public async Task InitializeAsync()
    {
        await DockerEngine.RequireAsync();
        var lines = string.Join('\n', Gpus.Select(gpu => $"echo '{gpu.Index}, {gpu.Uuid}, {gpu.Model}, {gpu.MemoryMb} MiB'"));
        var utilisation = string.Join("\n  ", Gpus.Select(gpu => $"echo '{gpu.Index}, {Utilisation[gpu.Index]}'"));
        await File.WriteAllTextAsync(NvidiaSmi, $"""
            #!/bin/sh
            if [ "$#" -eq 2 ] && [ "$1" = "--query-gpu=index,utilization.gpu" ] && [ "$2" = "--format=csv,noheader,nounits" ]; then
              {utilisation}
              exit 0
            fi
            if [ "$#" -ne 2 ] || [ "$1" != "--query-gpu=index,uuid,name,memory.total" ] || [ "$2" != "--format=csv,noheader" ]; then
              echo "fake nvidia-smi: unexpected arguments: $*" >&2
              exit 2
            fi
            {lines}

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(NvidiaSmi, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        // PlatformProcess always sets Platform__Worker__FakeGpuCount; empty, the options binder leaves it null.
        Platform = new PlatformProcess(fakeGpus: 0, extra: new Dictionary<string, string>
        {
            ["Platform__Worker__FakeGpuCount"] = "",
            ["Platform__Worker__NvidiaSmi"] = NvidiaSmi,
        });
        await Platform.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        _scripts.Delete(recursive: true);
    }
}
