using Platform.Contracts.Nodes;
using Platform.Core.Volumes;

namespace Platform.Core.Tests.Volumes;

/// <summary>Volume keys become directories under the root, and never anything outside it.</summary>
public sealed class VolumeRootTests
{
    public static readonly TheoryData<string, string, string> Resolved = new()
    {
        { "/srv/volumes", "jobs/mnist-1a2b3c/checkpoints", "/srv/volumes/jobs/mnist-1a2b3c/checkpoints" },
        { "/srv/volumes/", "jobs/j/data", "/srv/volumes/jobs/j/data" },
        { "/mnt/nfs/platform", "notebooks/alice/work", "/mnt/nfs/platform/notebooks/alice/work" },
        { "/srv/volumes", "jobs/a..b/data", "/srv/volumes/jobs/a..b/data" },
    };

    public static readonly TheoryData<string> Unsafe = new()
    {
        "", "/etc", "..", "../other", "jobs/../../etc", "jobs/./data", "jobs//data", "jobs/data/", "jobs\\..\\etc", "jobs/\0/x",
    };

    [Theory, MemberData(nameof(Resolved))]
    public void Key_resolves_under_the_root(string root, string key, string path) =>
        Assert.Equal(path, VolumeRoot.Resolve(root, key));

    [Theory, MemberData(nameof(Unsafe))]
    public void Key_that_could_leave_the_root_is_refused(string key)
    {
        Assert.NotNull(VolumeRoot.Problem(key));
        Assert.Throws<ArgumentException>(() => VolumeRoot.Resolve("/srv/volumes", key));
    }

    [Fact]
    public void Job_volume_key_is_per_job_and_name() =>
        Assert.Equal("jobs/mnist-1a2b3c/checkpoints", VolumeKeys.ForJob("mnist-1a2b3c", "checkpoints"));
}
