using Platform.Training.Optimization;
using Platform.Training.Sharding;

namespace Platform.Training.Client;

/// <summary>Refuses a cluster, model or options a client could not train with, every problem in one message.</summary>
internal static class ClientChecks
{
    public static void Check(TrainingCluster cluster, IReadOnlyList<ParameterInfo> parameters, ParameterClientOptions options)
    {
        ParameterValidation.CheckParameters(parameters);
        var problems = new List<string>();
        if (cluster.ParameterServers.Count == 0)
        {
            problems.Add("TF_CONFIG lists no ps tasks: parameter-server training needs at least one (replicas.ps in the job spec).");
        }

        if (cluster.Rank < 0 || cluster.Rank >= cluster.ParticipantCount)
        {
            problems.Add($"{cluster.TaskName} is not a training participant (only chief, master and worker tasks push gradients).");
        }

        if (options.Optimizer is null)
        {
            problems.Add("Optimizer is required.");
        }
        else if (OptimizerRule.Problem(options.Optimizer) is { } optimizer)
        {
            problems.Add(optimizer);
        }

        problems.AddRange(OptionProblems(options));
        if (problems.Count == 0 && LargestMessage(cluster, parameters, options) is var largest && largest > options.MaxMessageBytes)
        {
            problems.Add($"The largest shard needs messages of {largest} bytes, over MaxMessageBytes ({options.MaxMessageBytes}): add ps tasks, lower MaxBlockElements or raise MaxMessageBytes.");
        }

        if (problems.Count > 0)
        {
            throw new TrainingException(string.Join(" ", problems));
        }
    }

    private static IEnumerable<string> OptionProblems(ParameterClientOptions options)
    {
        if (options.CheckpointEverySteps < 0)
        {
            yield return $"CheckpointEverySteps is {options.CheckpointEverySteps}; it must be 0 (only at the end) or more.";
        }

        if (options.MaxBlockElements < 1)
        {
            yield return $"MaxBlockElements is {options.MaxBlockElements}; it must be at least 1.";
        }

        if (options.MaxMessageBytes < 1 << 20)
        {
            yield return $"MaxMessageBytes is {options.MaxMessageBytes}; it must be at least 1 MiB.";
        }

        if (options.MaxStaleness < 0)
        {
            yield return $"MaxStaleness is {options.MaxStaleness}; it must be 0 (unbounded) or more.";
        }

        foreach (var (name, value) in new[] { ("ConnectTimeout", options.ConnectTimeout), ("InitializeTimeout", options.InitializeTimeout), ("FinishTimeout", options.FinishTimeout) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{name} is {value}; it must be positive.";
            }
        }
    }

    private static long LargestMessage(TrainingCluster cluster, IReadOnlyList<ParameterInfo> parameters, ParameterClientOptions options)
    {
        var layout = ShardLayout.Plan(parameters, cluster.ParameterServers.Count, options.MaxBlockElements);
        var arrays = 1 + OptimizerRule.SlotCount(options.Optimizer.Kind);
        return (layout.Shards.Max(shard => shard.Length) * sizeof(float) * arrays) + (64 * 1024);
    }
}
