using Platform.Contracts.Jobs;

namespace Platform.Core.Jobs.Spec;

/// <summary>Reads the <c>replicas</c> object: one <see cref="ReplicaSpec"/> per known replica type.</summary>
internal static class ReplicaSpecReader
{
    private const string Field = "replicas";

    private static readonly string _types = string.Join(", ", ReplicaTypes.All);

    public static IReadOnlyDictionary<string, ReplicaSpec> ReadAll(SpecObject root)
    {
        var replicas = root.Object(Field);
        if (replicas is null && root.Has(Field))
        {
            return new Dictionary<string, ReplicaSpec>();
        }

        if (replicas is null || !replicas.Fields.Any())
        {
            root.Fail(Field, $"at least one replica group is required; the types are {_types}");
            return new Dictionary<string, ReplicaSpec>();
        }

        var read = new Dictionary<string, ReplicaSpec>(StringComparer.Ordinal);
        foreach (var (type, _) in replicas.Fields)
        {
            if (!ReplicaTypes.All.Contains(type, StringComparer.Ordinal))
            {
                replicas.Fail(type, $"{replicas.Unknown("replica type", type, ReplicaTypes.All)}; the types are {_types}");
            }
            else if (replicas.Object(type) is { } group)
            {
                read[type] = ReadGroup(group);
            }
            else if (!replicas.Has(type))
            {
                replicas.Fail(type, "must be an object; write {} to take every default");
            }
        }

        CheckSingleLeader(root, read);
        CheckTaskTotal(root, read);
        // Listed in rank order whatever order the spec used, so equal specs read equal.
        return ReplicaTypes.All.Where(read.ContainsKey).ToDictionary(t => t, t => read[t], StringComparer.Ordinal);
    }

    private static ReplicaSpec ReadGroup(SpecObject group)
    {
        var spec = new ReplicaSpec
        {
            Count = group.Int("count", 1, 1, SpecLimits.MaxCount),
            Resources = ReadResources(group.Object("resources")),
            Image = group.String("image", SpecLimits.MaxImageLength),
            Command = group.StringList("command", SpecLimits.MaxCommandArguments, SpecLimits.MaxCommandBytes),
            Env = EnvReader.Read(group, "env"),
            SecretEnv = SecretEnvReader.Read(group),
        };
        group.RejectUnknownFields();
        return spec;
    }

    private static Resources ReadResources(SpecObject? resources)
    {
        if (resources is null)
        {
            return new Resources();
        }

        var spec = new Resources
        {
            Cpus = resources.Range("cpus", JobSpecDefaults.Cpus, SpecLimits.MinCpus, SpecLimits.MaxCpus),
            MemoryMb = resources.Int("memoryMb", JobSpecDefaults.MemoryMb, SpecLimits.MinMemoryMb, SpecLimits.MaxMemoryMb),
            Gpus = resources.Int("gpus", 0, 0, SpecLimits.MaxGpus),
        };
        resources.RejectUnknownFields();
        return spec;
    }

    /// <summary>Counts are summed, never expanded: no task list exists before the whole job is within bounds.</summary>
    private static void CheckTaskTotal(SpecObject root, Dictionary<string, ReplicaSpec> groups)
    {
        var total = groups.Values.Sum(g => (long)g.Count);
        if (total > SpecLimits.MaxTasks)
        {
            root.Fail(Field, $"a job may have at most {SpecLimits.MaxTasks} tasks, all replica groups together; these ask for {total}");
        }
    }

    private static void CheckSingleLeader(SpecObject root, Dictionary<string, ReplicaSpec> groups)
    {
        var leaders = groups.Where(g => g.Key is ReplicaTypes.Chief or ReplicaTypes.Master).ToList();
        if (leaders.Count > 1)
        {
            root.Fail(Field, "chief and master are the same role; keep one of them");
        }
        else if (leaders is [{ Key: var type, Value.Count: > 1 and var count }])
        {
            root.Fail(Field, $"a job has one {type}, but {type} asks for {count}; use count 1");
        }
    }
}
