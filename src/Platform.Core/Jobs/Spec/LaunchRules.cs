using Platform.Contracts.Jobs;

namespace Platform.Core.Jobs.Spec;

/// <summary>What each replica group needs to start: an allowed image (docker) or a command (process).</summary>
internal static class LaunchRules
{
    public static void CheckImages(JobSpec spec, ImageAllowList images, List<SpecError> errors)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (type, group) in spec.Replicas)
        {
            var groupField = $"replicas.{type}.image";
            var (image, field) = group.Image is { } own ? (own, groupField) : (spec.Image, "image");
            if (string.IsNullOrWhiteSpace(image))
            {
                errors.Add(new SpecError(groupField,
                    $"the docker runtime needs an image: set image on the job or on {type}"));
            }
            else if (!images.IsAllowed(image) && reported.Add(field))
            {
                errors.Add(new SpecError(field, $"image '{image}' is not allow-listed; {Allowed(images)}"));
            }
        }
    }

    public static void CheckCommands(JobSpec spec, List<SpecError> errors)
    {
        foreach (var (type, group) in spec.Replicas)
        {
            if ((group.Command ?? spec.Command) is null or [])
            {
                errors.Add(new SpecError($"replicas.{type}.command",
                    $"the process runtime needs a command: set command on the job or on {type}"));
            }
        }
    }

    private static string Allowed(ImageAllowList images) => images.Patterns.Count == 0
        ? "no image is allow-listed on this platform"
        : $"allowed: {string.Join(", ", images.Patterns)}";
}
