using System.Globalization;

namespace Platform.E2E.Tests.Cluster;

/// <summary>
/// One job of the chaos suite. Every task prints <see cref="Lines"/> numbered lines tagged with a
/// nonce of its attempt, then <c>done NONCE</c>; a host-process task first takes, with <c>flock</c>
/// (released by the kernel when the process dies, however it dies), a lock on its job and task
/// (a second copy running at the same time prints <c>TWICE</c>) and one per GPU it was given on its
/// node (a GPU given twice prints <c>already held</c>).
/// </summary>
public sealed record ChaosJob(string Name, string Runtime, int Workers, int Gpus, int Lines, bool Fails)
{
    /// <summary>Seconds between two lines: a task of 150 lines runs about 15 s.</summary>
    public const double LineInterval = 0.1;

    public static IReadOnlyList<ChaosJob> Mix(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var gpus = i % 5 == 4 ? 0 : random.Next(0, LocalCluster.GpusPerAgent + 1);
            // At most 4 of the cluster's 6 GPUs per job, so two GPU jobs can run side by side.
            return new ChaosJob($"chaos-{i}", Runtime: i % 5 == 4 ? "docker" : "process",
                Workers: random.Next(1, gpus == 0 ? 4 : 3), Gpus: gpus, Lines: random.Next(60, 200), Fails: i % 10 == 3);
        })];
    }

    public string EndState => Fails ? "Failed" : "Succeeded";

    public string Spec(string locks) => Runtime == "docker" ? DockerSpec() : ProcessSpec(locks);

    private string ProcessSpec(string locks) => $$"""
        name: {{Name}}
        runtime: process
        command:
          - bash
          - -c
          - |
            {{FailFirst}}
            nonce="$$-$(date +%s%N)"
            node=$((PLATFORM_TASK_PORT / 100)); mkdir -p {{locks}}/gpu-$node
            exec 8>"{{locks}}/$PLATFORM_JOB_ID-$PLATFORM_TASK_NAME"
            flock -n 8 || { echo "TWICE $PLATFORM_TASK_NAME"; exit 1; }
            fd=10
            for g in $(echo "$NVIDIA_VISIBLE_DEVICES" | tr , ' '); do
              [ "$g" = void ] && continue
              eval "exec $fd>{{locks}}/gpu-$node/$g"
              flock -n $fd || { echo "GPU $g of node $node already held"; exit 1; }
              fd=$((fd + 1))
            done
            {{Loop}}
        replicas:
          worker: { count: {{Workers}}, resources: { cpus: 0.1, memoryMb: 64, gpus: {{Gpus}} } }
        successPolicy: AllWorkers
        restartPolicy: {{(Fails ? "Never" : "OnFailure")}}
        backoffLimit: 20
        terminationGracePeriodSeconds: 2
        """;

    private string DockerSpec() => $$"""
        name: {{Name}}
        image: platform/hello-ps:1.0
        command:
          - sh
          - -c
          - |
            {{FailFirst}}
            nonce="$$-$(date +%s%N)"
            {{Loop}}
        replicas:
          worker: { count: {{Workers}}, resources: { cpus: 0.1, memoryMb: 64, gpus: 0 } }
        successPolicy: AllWorkers
        restartPolicy: {{(Fails ? "Never" : "OnFailure")}}
        backoffLimit: 20
        terminationGracePeriodSeconds: 2
        """;

    private string FailFirst => Fails ? "echo failing on purpose; exit 3" : "true";

    private string Loop => string.Create(CultureInfo.InvariantCulture,
        $"i=1; while [ $i -le {Lines} ]; do echo \"n=$nonce i=$i\"; i=$((i + 1)); sleep {LineInterval}; done; echo \"done $nonce\"");
}
