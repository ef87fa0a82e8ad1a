using System.Text.RegularExpressions;
using Platform.Contracts.Jobs;

namespace Platform.Core.Jobs.Spec;

/// <summary>Builds a <see cref="JobSpec"/> from the top-level object of a spec (API.md, "Job spec").</summary>
internal static partial class JobSpecReader
{
    private const string NameField = "name";

    public static JobSpec Read(SpecObject root)
    {
        var spec = new JobSpec
        {
            Name = ReadName(root),
            Team = root.String("team"),
            Image = root.String("image"),
            Command = root.StringList("command"),
            Env = EnvReader.Read(root, "env"),
            Runtime = root.Choice("runtime", TaskRuntimes.Docker, TaskRuntimes.All),
            Replicas = ReplicaSpecReader.ReadAll(root),
            RestartPolicy = root.Enum("restartPolicy", RestartPolicy.Never),
            BackoffLimit = root.Int("backoffLimit", JobSpecDefaults.BackoffLimit, min: 0),
            ActiveDeadlineSeconds = root.Long("activeDeadlineSeconds", min: 1),
            SuccessPolicy = root.Enum("successPolicy", SuccessPolicy.Default),
            Priority = root.Int("priority", 0),
            TerminationGracePeriodSeconds = root.Int(
                "terminationGracePeriodSeconds", JobSpecDefaults.TerminationGracePeriodSeconds, min: 0),
            TtlSecondsAfterFinished = root.Int("ttlSecondsAfterFinished", 0, min: 0),
            Volumes = VolumeSpecReader.Read(root),
        };
        VolumeSpecReader.CheckRuntime(root, spec);
        root.RejectUnknownFields();
        return spec;
    }

    private static string ReadName(SpecObject root)
    {
        var hasName = root.Has(NameField);
        var name = root.String(NameField);
        if (!hasName)
        {
            root.Fail(NameField, "is required: a lowercase DNS label such as 'mnist-ps'");
        }
        else if (name is not null && !DnsLabel().IsMatch(name))
        {
            root.Fail(NameField, $"'{name}' is not a lowercase DNS label: 1 to 63 characters of a-z, 0-9 "
                + "and '-', starting and ending with a letter or digit");
        }

        return name ?? "";
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    internal static partial Regex DnsLabel();
}
