using Platform.Core.Notebooks;

namespace Platform.Core.Tests.Notebooks;

public class JupyterKernelsTests
{
    /// <summary>What jupyter_server 2.15 answers on GET api/kernels with one idle and one busy kernel.</summary>
    private const string TwoKernels = """
        [{"id": "4342eb35-19e7-4abe-9e26-95807fc9d03d", "name": "python3", "last_activity": "2026-11-25T21:56:55.300823Z", "execution_state": "idle", "connections": 1},
         {"id": "9d2c7a1e-0000-4f5b-8a3e-1f2e3d4c5b6a", "name": "python3", "last_activity": "2026-11-25T21:58:01.000001Z", "execution_state": "busy", "connections": 0}]
        """;

    [Fact]
    public void Kernels_answer_is_read_with_state_and_last_activity()
    {
        var kernels = JupyterKernels.Parse(TwoKernels)!;

        Assert.Equal(
            [
                new KernelActivity("idle", new DateTimeOffset(2026, 11, 25, 21, 56, 55, TimeSpan.Zero).AddTicks(3008230)),
                new KernelActivity("busy", new DateTimeOffset(2026, 11, 25, 21, 58, 1, TimeSpan.Zero).AddTicks(10)),
            ],
            kernels);
        Assert.True(kernels[1].IsBusy);
    }

    public static TheoryData<string, int?> Answers => new()
    {
        { "[]", 0 },
        { """[{"id": "k"}]""", 1 },
        { """[{"execution_state": "idle", "last_activity": "not a time"}]""", 1 },
        { """{"message": "Forbidden"}""", null },
        { "<html>login</html>", null },
        { "", null },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void Odd_answers_are_no_list_or_kernels_without_activity(string json, int? count)
    {
        var kernels = JupyterKernels.Parse(json);

        Assert.Equal(count, kernels?.Count);
        Assert.All(kernels ?? [], kernel => Assert.False(kernel.IsBusy));
    }
}
