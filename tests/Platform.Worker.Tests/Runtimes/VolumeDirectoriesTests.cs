using Platform.Contracts.Nodes;
using Platform.Worker.Runtimes;

namespace Platform.Worker.Tests.Runtimes;

/// <summary>Volume directories on the real file system, under a fresh root per test.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class VolumeDirectoriesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("platform-volumes-").FullName;

    [Fact]
    public void Missing_volume_is_created_open_to_every_user_behind_parents_only_the_agent_can_enter()
    {
        VolumeDirectories.Prepare(_root, [new VolumeMount("jobs/job-1/checkpoints", "/checkpoints")]);

        var volume = Path.Combine(_root, "jobs", "job-1", "checkpoints");
        Assert.True(Directory.Exists(volume));
        Assert.Equal((UnixFileMode)0b111_111_111, File.GetUnixFileMode(volume));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.Combine(_root, "jobs", "job-1")));
    }

    [Fact]
    public void Existing_volume_keeps_what_an_earlier_attempt_wrote()
    {
        VolumeMount[] volumes = [new VolumeMount("jobs/job-1/checkpoints", "/checkpoints")];
        VolumeDirectories.Prepare(_root, volumes);
        var checkpoint = Path.Combine(_root, "jobs", "job-1", "checkpoints", "step-100.ckpt");
        File.WriteAllText(checkpoint, "weights");

        VolumeDirectories.Prepare(_root, volumes);

        Assert.Equal("weights", File.ReadAllText(checkpoint));
    }

    [Fact]
    public void Key_leaving_the_root_creates_nothing_and_cannot_start()
    {
        var outside = Path.GetFileName(_root) + "-escaped";

        Assert.Throws<TaskStartException>(() => VolumeDirectories.Prepare(_root, [new VolumeMount($"../{outside}", "/data")]));

        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(_root)!, outside)));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
