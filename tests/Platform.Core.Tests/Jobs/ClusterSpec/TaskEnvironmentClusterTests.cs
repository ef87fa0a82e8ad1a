using Platform.Core.Jobs;
using Platform.Core.Jobs.ClusterSpec;
using static Platform.Core.Tests.Jobs.ClusterSpec.Specs;

namespace Platform.Core.Tests.Jobs.ClusterSpec;

public class TaskEnvironmentClusterTests
{
    private const string PsWorker = "ps+worker";
    private const string ChiefPsWorker = "chief+ps+worker";
    private const string MasterWorker = "master+worker";
    private const string WorkersOnly = "worker only";
    private const string SingleTask = "single task";
    private const string WithEvaluator = "chief+worker+evaluator";
    private const string PsEvaluator = "ps+evaluator";

    /// <summary>The placed tasks of each layout, deliberately not in index order.</summary>
    private static readonly Dictionary<string, PlacedTask[]> Jobs = new()
    {
        [PsWorker] = [At("worker", 1, "h2", 2222), At("ps", 0, "h1", 2222), At("worker", 0, "h1", 2223)],
        [ChiefPsWorker] = [At("chief", 0, "a", 1), At("ps", 0, "a", 2), At("worker", 0, "b", 1), At("worker", 1, "b", 2)],
        [MasterWorker] = [At("master", 0, "m", 29500), At("worker", 0, "w", 29500), At("worker", 1, "w", 29501)],
        [WorkersOnly] = [At("worker", 0, "w0", 7000), At("worker", 1, "w1", 7000), At("worker", 2, "w2", 7000)],
        [SingleTask] = [At("worker", 0, "solo", 30000)],
        [WithEvaluator] = [At("evaluator", 0, "e", 9), At("worker", 0, "w", 8), At("chief", 0, "c", 7)],
        [PsEvaluator] = [At("ps", 0, "p", 1), At("evaluator", 0, "e", 2)],
    };

    /// <summary>Layout, self, then the expected TF_CONFIG, MASTER_ADDR:MASTER_PORT, WORLD_SIZE and RANK (null: absent).</summary>
    public static TheoryData<string, string, string?, string?, string?, string?> Layouts => new()
    {
        {
            PsWorker, "worker-1",
            """{"cluster":{"ps":["h1:2222"],"worker":["h1:2223","h2:2222"]},"task":{"type":"worker","index":1},"environment":"cloud"}""",
            "h1:2223", "2", "1"
        },
        {
            PsWorker, "ps-0",
            """{"cluster":{"ps":["h1:2222"],"worker":["h1:2223","h2:2222"]},"task":{"type":"ps","index":0},"environment":"cloud"}""",
            "h1:2223", null, null
        },
        {
            ChiefPsWorker, "worker-1",
            """{"cluster":{"chief":["a:1"],"ps":["a:2"],"worker":["b:1","b:2"]},"task":{"type":"worker","index":1},"environment":"cloud"}""",
            "a:1", "3", "2"
        },
        {
            ChiefPsWorker, "chief-0",
            """{"cluster":{"chief":["a:1"],"ps":["a:2"],"worker":["b:1","b:2"]},"task":{"type":"chief","index":0},"environment":"cloud"}""",
            "a:1", "3", "0"
        },
        {
            MasterWorker, "worker-0",
            """{"cluster":{"master":["m:29500"],"worker":["w:29500","w:29501"]},"task":{"type":"worker","index":0},"environment":"cloud"}""",
            "m:29500", "3", "1"
        },
        {
            WorkersOnly, "worker-2",
            """{"cluster":{"worker":["w0:7000","w1:7000","w2:7000"]},"task":{"type":"worker","index":2},"environment":"cloud"}""",
            "w0:7000", "3", "2"
        },
        {
            SingleTask, "worker-0",
            null,
            "solo:30000", "1", "0"
        },
        {
            WithEvaluator, "evaluator-0",
            """{"cluster":{"chief":["c:7"],"worker":["w:8"],"evaluator":["e:9"]},"task":{"type":"evaluator","index":0},"environment":"cloud"}""",
            "c:7", null, null
        },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Cluster_variables_follow_the_jobs_layout(
        string layout, string self, string? tfConfig, string? master, string? worldSize, string? rank)
    {
        var tasks = Jobs[layout];
        var env = TaskEnvironment.Build("job-1", For(tasks), tasks, Named(tasks, self));

        Assert.Equal(tfConfig, env.GetValueOrDefault(PlatformEnv.TfConfig));
        Assert.Equal(master, env.TryGetValue(PlatformEnv.MasterAddr, out var addr) ? $"{addr}:{env[PlatformEnv.MasterPort]}" : null);
        Assert.Equal(worldSize, env.GetValueOrDefault(PlatformEnv.WorldSize));
        Assert.Equal(rank, env.GetValueOrDefault(PlatformEnv.Rank));
    }

    public static TheoryData<string, string> PsAndEvaluatorOnly => new()
    {
        { PsEvaluator, "ps-0" },
        { PsEvaluator, "evaluator-0" },
    };

    [Theory]
    [MemberData(nameof(PsAndEvaluatorOnly))]
    public void Job_without_master_chief_or_worker_has_no_rank_zero(string layout, string self)
    {
        var tasks = Jobs[layout];
        var env = TaskEnvironment.Build("job-1", For(tasks), tasks, Named(tasks, self));

        Assert.Contains(PlatformEnv.TfConfig, env.Keys);
        Assert.DoesNotContain(PlatformEnv.MasterAddr, env.Keys);
        Assert.DoesNotContain(PlatformEnv.MasterPort, env.Keys);
        Assert.DoesNotContain(PlatformEnv.WorldSize, env.Keys);
        Assert.DoesNotContain(PlatformEnv.Rank, env.Keys);
    }
}
