using Platform.Training.Checkpoints;

namespace Platform.Training.Tests.Checkpoints;

public sealed class CheckpointStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ptck-{Guid.NewGuid():N}");
    private readonly List<string> _log = [];

    [Fact]
    public void An_empty_or_missing_directory_has_no_checkpoint()
    {
        Assert.Null(new CheckpointStore(_directory, _log.Add).Latest());
    }

    [Fact]
    public void The_newest_checkpoint_wins_and_only_two_are_kept_without_temporary_files()
    {
        var store = new CheckpointStore(_directory, _log.Add);
        foreach (var step in new long[] { 10, 30, 20 })
        {
            store.Save(CheckpointFormatTests.Sample(OptimizerKind.Sgd, step));
        }

        Assert.Equal(30, store.Latest()!.Value.Checkpoint.Step);
        Assert.Equal(["checkpoint-000000000020.ptck", "checkpoint-000000000030.ptck"], Directory.GetFiles(_directory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_corrupt_newest_checkpoint_is_skipped_for_the_one_before()
    {
        var store = new CheckpointStore(_directory, _log.Add);
        store.Save(CheckpointFormatTests.Sample(OptimizerKind.Sgd, 10));
        var newest = store.Save(CheckpointFormatTests.Sample(OptimizerKind.Sgd, 20));
        File.WriteAllBytes(newest, File.ReadAllBytes(newest)[..100]);

        Assert.Equal(10, store.Latest()!.Value.Checkpoint.Step);
        Assert.Contains(_log, line => line.Contains("skipping unreadable checkpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void Saving_a_step_again_replaces_its_file()
    {
        var store = new CheckpointStore(_directory, _log.Add);
        store.Save(CheckpointFormatTests.Sample(OptimizerKind.Sgd, 10));
        store.Save(CheckpointFormatTests.Sample(OptimizerKind.Adam, 10));

        Assert.Equal(OptimizerKind.Adam, store.Latest()!.Value.Checkpoint.Optimizer);
        Assert.Single(Directory.GetFiles(_directory));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
