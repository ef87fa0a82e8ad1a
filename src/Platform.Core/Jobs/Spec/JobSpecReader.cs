using System.Text.RegularExpressions;
using Platform.Contracts.Jobs;

namespace Platform.Core.Jobs.Spec;

/// <summary>Builds a <see cref="JobSpec"/> from the top-level object of a spec (API.md, "Job spec").</summary>
internal static partial class JobSpecReader
{
    private const string NameField = "name";
    private const string TeamField = "team";
    private const string PriorityClassField = "priorityClass";
    private const string RawPriorityField = "priority";

    public static JobSpec Read(SpecObject root)
    {
        var spec = new JobSpec
        {
            Name = ReadName(root),
            Team = ReadTeam(root),
            Image = root.String("image", SpecLimits.MaxImageLength),
            Command = root.StringList("command", SpecLimits.MaxCommandArguments, SpecLimits.MaxCommandBytes),
            Env = EnvReader.Read(root, "env"),
            SecretEnv = SecretEnvReader.Read(root),
            Runtime = root.Choice("runtime", TaskRuntimes.Docker, TaskRuntimes.All),
            Replicas = ReplicaSpecReader.ReadAll(root),
            RestartPolicy = root.Enum("restartPolicy", RestartPolicy.Never),
            BackoffLimit = root.Int("backoffLimit", JobSpecDefaults.BackoffLimit, 0, SpecLimits.MaxBackoffLimit),
            ActiveDeadlineSeconds = root.Long("activeDeadlineSeconds", 1, SpecLimits.MaxActiveDeadlineSeconds),
            SuccessPolicy = root.Enum("successPolicy", SuccessPolicy.Default),
            PriorityClass = ReadPriorityClass(root),
            TerminationGracePeriodSeconds = root.Int(
                "terminationGracePeriodSeconds", JobSpecDefaults.TerminationGracePeriodSeconds, 0, SpecLimits.MaxTerminationGracePeriodSeconds),
            TtlSecondsAfterFinished = root.Int("ttlSecondsAfterFinished", 0, 0, SpecLimits.MaxTtlSecondsAfterFinished),
            PidsLimit = root.OptionalInt("pidsLimit", SpecLimits.MinPidsLimit, SpecLimits.MaxPidsLimit),
            Volumes = VolumeSpecReader.Read(root),
        };
        VolumeSpecReader.CheckRuntime(root, spec);
        EnvReader.CheckTotal(root, [("env", spec.Env), .. spec.Replicas.Select(g => ($"replicas.{g.Key}.env", g.Value.Env))]);
        SecretEnvReader.CheckOverlap(root, spec);
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
            root.Fail(NameField, $"'{SpecValues.Truncate(name)}' is not a lowercase DNS label: 1 to 63 characters of a-z, 0-9 "
                + "and '-', starting and ending with a letter or digit");
        }

        return name ?? "";
    }

    private static string? ReadPriorityClass(SpecObject root)
    {
        // Read even when null, so the answer says what to use instead of calling the field unknown.
        root.Get(RawPriorityField);
        if (root.Fields.Any(field => field.Key == RawPriorityField))
        {
            root.Fail(RawPriorityField, "is no longer accepted (API version 3): name a priority class your team may use "
                + "with 'priorityClass' instead, such as priorityClass: normal");
        }

        return root.String(PriorityClassField, SpecLimits.MaxPriorityClassLength);
    }

    private static string? ReadTeam(SpecObject root)
    {
        var team = root.String(TeamField, SpecLimits.MaxTeamLength);
        if (team is not null && team.Any(char.IsControl))
        {
            root.Fail(TeamField, "must not contain control characters");
        }

        return team;
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\z")]
    internal static partial Regex DnsLabel();
}
