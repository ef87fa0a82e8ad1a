using Platform.Contracts.Jobs;

namespace Platform.Core.Tests.Jobs.Spec;

/// <summary>Compares specs field by field: records compare their collections by reference.</summary>
internal static class SpecAssert
{
    private static readonly Dictionary<string, string> _noEnv = [];
    private static readonly Dictionary<string, ReplicaSpec> _noReplicas = [];

    public static void Equal(JobSpec expected, JobSpec actual)
    {
        Assert.Equal(expected with { Command = null, Env = _noEnv, SecretEnv = _noEnv, Replicas = _noReplicas, Volumes = [] },
            actual with { Command = null, Env = _noEnv, SecretEnv = _noEnv, Replicas = _noReplicas, Volumes = [] });
        Assert.Equal(expected.SecretEnv, actual.SecretEnv);
        Assert.Equal(expected.Command, actual.Command);
        Assert.Equal(expected.Volumes, actual.Volumes);
        Assert.Equal(expected.Env, actual.Env);
        Assert.Equal(expected.Replicas.Keys, actual.Replicas.Keys);
        foreach (var (type, group) in expected.Replicas)
        {
            var other = actual.Replicas[type];
            Assert.Equal(group with { Command = null, Env = _noEnv, SecretEnv = _noEnv }, other with { Command = null, Env = _noEnv, SecretEnv = _noEnv });
            Assert.Equal(group.Command, other.Command);
            Assert.Equal(group.Env, other.Env);
            Assert.Equal(group.SecretEnv, other.SecretEnv);
        }
    }
}
