using Platform.Contracts.Jobs;

namespace Platform.Core.Tests.Jobs.Spec;

/// <summary>Whole specs: the API.md example and one spec using every field, in JSON and in YAML.</summary>
internal static class SpecSamples
{
    /// <summary>The example of API.md, "Job spec", comments included.</summary>
    public const string ApiExampleYaml = """
        name: mnist-ps                 # required; lowercase DNS label: [a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?
        team: vision                   # optional; the caller's team when auth is on
        image: platform/torchsharp:0.107-cpu   # default for every replica group
        command: ["/app/Platform.Samples.Mnist", "--epochs", "2"]   # default for every replica group
        env: { LEARNING_RATE: "0.05" }
        runtime: docker                # docker (default) | process (only on nodes that enable it)
        replicas:                      # types: chief, master, ps, worker, evaluator
          ps:
            count: 1
            resources: { cpus: 1, memoryMb: 1024, gpus: 0 }
          worker:
            count: 2
            resources: { cpus: 1, memoryMb: 2048, gpus: 1 }
            # image, command, env may be overridden per group
        restartPolicy: OnFailure       # Never (default) | OnFailure | Always | ExitCode (retry exit codes >= 128)
        backoffLimit: 3                # restarts allowed for the whole job
        activeDeadlineSeconds: 86400   # fail the job past this wall time
        successPolicy: Default         # Default: chief/master succeeds, else worker-0; AllWorkers: every worker
        priorityClass: normal          # a class the team may use; absent: the default class
        terminationGracePeriodSeconds: 30   # SIGTERM, then kill after this on cancel or job end
        ttlSecondsAfterFinished: 0     # remove finished containers after this; logs and events stay
        """;

    public const string FullJson = """
        {
          "name": "mnist-ps",
          "team": "vision",
          "image": "platform/torchsharp:0.107-cpu",
          "command": ["/app/Platform.Samples.Mnist", "--epochs", "2"],
          "env": { "LEARNING_RATE": "0.05", "VERSION": "1.10", "DEBUG": "true" },
          "runtime": "process",
          "replicas": {
            "worker": {
              "count": 2,
              "resources": { "cpus": 1.5, "memoryMb": 2048, "gpus": 1 },
              "image": "platform/torchsharp:0.107-cuda",
              "command": ["/app/worker", "--batch", "64"],
              "env": { "BATCH": "64" }
            },
            "chief": {},
            "ps": { "count": 1, "resources": { "cpus": 0.5, "memoryMb": 512, "gpus": 0 } }
          },
          "restartPolicy": "ExitCode",
          "backoffLimit": 5,
          "activeDeadlineSeconds": 86400,
          "successPolicy": "AllWorkers",
          "priorityClass": "low",
          "terminationGracePeriodSeconds": 10,
          "ttlSecondsAfterFinished": 600
        }
        """;

    /// <summary><see cref="FullJson"/> as YAML would usually be written: unquoted numbers included.</summary>
    public const string FullYaml = """
        name: mnist-ps
        team: vision
        image: platform/torchsharp:0.107-cpu
        command: [/app/Platform.Samples.Mnist, --epochs, 2]
        env:
          LEARNING_RATE: 0.05
          VERSION: 1.10
          DEBUG: true
        runtime: process
        replicas:
          worker:
            count: 2
            resources:
              cpus: 1.5
              memoryMb: 2048
              gpus: 1
            image: 'platform/torchsharp:0.107-cuda'
            command:
              - /app/worker
              - --batch
              - 64
            env: { BATCH: "64" }
          chief: {}
          ps:
            count: 1
            resources: { cpus: .5, memoryMb: 512, gpus: 0 }
        restartPolicy: ExitCode
        backoffLimit: 5
        activeDeadlineSeconds: 86400
        successPolicy: AllWorkers
        priorityClass: low
        terminationGracePeriodSeconds: 10
        ttlSecondsAfterFinished: 600
        """;

    /// <summary>What <see cref="FullJson"/> and <see cref="FullYaml"/> read as.</summary>
    public static readonly JobSpec Full = new()
    {
        Name = "mnist-ps",
        Team = "vision",
        Image = "platform/torchsharp:0.107-cpu",
        Command = ["/app/Platform.Samples.Mnist", "--epochs", "2"],
        Env = new Dictionary<string, string> { ["LEARNING_RATE"] = "0.05", ["VERSION"] = "1.10", ["DEBUG"] = "true" },
        Runtime = TaskRuntimes.Process,
        Replicas = new Dictionary<string, ReplicaSpec>
        {
            [ReplicaTypes.Chief] = new(),
            [ReplicaTypes.Ps] = new() { Resources = new() { Cpus = 0.5, MemoryMb = 512 } },
            [ReplicaTypes.Worker] = new()
            {
                Count = 2,
                Resources = new() { Cpus = 1.5, MemoryMb = 2048, Gpus = 1 },
                Image = "platform/torchsharp:0.107-cuda",
                Command = ["/app/worker", "--batch", "64"],
                Env = new Dictionary<string, string> { ["BATCH"] = "64" },
            },
        },
        RestartPolicy = RestartPolicy.ExitCode,
        BackoffLimit = 5,
        ActiveDeadlineSeconds = 86400,
        SuccessPolicy = SuccessPolicy.AllWorkers,
        PriorityClass = "low",
        TerminationGracePeriodSeconds = 10,
        TtlSecondsAfterFinished = 600,
    };
}
