using Platform.Training.Checkpoints;

namespace Platform.Training.Tests.Checkpoints;

public class CheckpointFormatTests
{
    public static TheoryData<OptimizerKind> Kinds => [OptimizerKind.Sgd, OptimizerKind.Adam];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_checkpoint_reads_back_exactly(OptimizerKind kind)
    {
        var checkpoint = Sample(kind, step: 1200);

        var read = RoundTrip(checkpoint);

        Assert.Equal(1200, read.Step);
        Assert.Equal(kind, read.Optimizer);
        Assert.Equal(checkpoint.Parameters.Count, read.Parameters.Count);
        foreach (var (expected, actual) in checkpoint.Parameters.Zip(read.Parameters))
        {
            Assert.Equal(expected.Name, actual.Name);
            Assert.Equal(expected.Shape, actual.Shape);
            Assert.Equal(expected.Values, actual.Values);
            Assert.Equal(expected.Slots, actual.Slots);
        }
    }

    public static TheoryData<string, int> Damage => new()
    {
        // what is done to the bytes, at which position (negative: from the end)
        { "truncate", -1 },
        { "truncate", 10 },
        { "truncate", 0 },
        { "flip", 30 },
        { "flip", -6 },
        { "flip", 0 },
        { "append", 0 },
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public void A_torn_or_corrupt_file_is_refused(string damage, int position)
    {
        using var stream = new MemoryStream();
        CheckpointFormat.Write(stream, Sample(OptimizerKind.Sgd, 5));
        var bytes = stream.ToArray().ToList();
        var at = position < 0 ? bytes.Count + position : position;
        switch (damage)
        {
            case "truncate":
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case "flip":
                bytes[at] ^= 0x10;
                break;
            default:
                bytes.Add(0);
                break;
        }

        Assert.Throws<InvalidDataException>(() => CheckpointFormat.Read(new MemoryStream([.. bytes])));
    }

    [Fact]
    public void The_header_is_documented_magic_version_and_step()
    {
        using var stream = new MemoryStream();
        CheckpointFormat.Write(stream, Sample(OptimizerKind.Sgd, 0x0102030405));
        var bytes = stream.ToArray();

        Assert.Equal("PTCK"u8.ToArray(), bytes[..4]);
        Assert.Equal(1, BitConverter.ToInt32(bytes, 4));
        Assert.Equal(0x0102030405, BitConverter.ToInt64(bytes, 8));
    }

    internal static Checkpoint Sample(OptimizerKind kind, long step)
    {
        var slots = kind == OptimizerKind.Adam ? 2 : 1;
        CheckpointParameter Parameter(string name, int[] shape, float seed)
        {
            var length = shape.Aggregate(1, (a, b) => a * b);
            return new CheckpointParameter(name, shape, [.. Enumerable.Range(0, length).Select(i => seed + (i * 0.5f))], [.. Enumerable.Range(0, slots).Select(s => Enumerable.Range(0, length).Select(i => seed - s - (i * 0.25f)).ToArray())]);
        }

        return new Checkpoint(step, kind, [Parameter("fc1.weight", [3, 4], 1f), Parameter("fc1.bias", [3], -2f), Parameter("scalé", [1], 7f)]);
    }

    private static Checkpoint RoundTrip(Checkpoint checkpoint)
    {
        using var stream = new MemoryStream();
        CheckpointFormat.Write(stream, checkpoint);
        stream.Position = 0;
        return CheckpointFormat.Read(stream);
    }
}
