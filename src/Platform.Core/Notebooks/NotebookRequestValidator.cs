using System.Globalization;
using Platform.Contracts.Jobs;
using Platform.Contracts.Scheduling;
using Platform.Core.Jobs.Spec;

namespace Platform.Core.Notebooks;

/// <summary>
/// The notebook rules that need configuration or the cluster: the image (the request's, else the
/// configured default) on the allow-list, and a node that could ever hold the request. With no
/// node registered yet the request is accepted and waits, as a job would.
/// </summary>
public static class NotebookRequestValidator
{
    public static IReadOnlyList<SpecError> Validate(NotebookRequest request, string defaultImage, SpecContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);

        var errors = new List<SpecError>();
        var image = request.Image ?? defaultImage;
        if (!context.Images.IsAllowed(image))
        {
            errors.Add(new SpecError("image", request.Image is null
                ? $"the default notebook image '{image}' (Platform:Notebooks:Image) is not on the allow-list: {string.Join(", ", context.Images.Patterns)}"
                : $"'{image}' is not on the allow-list: {string.Join(", ", context.Images.Patterns)}"));
        }

        var nodes = context.Nodes.Where(node => node.Runtimes.Contains(TaskRuntimes.Docker, StringComparer.Ordinal)).ToList();
        if (nodes.Count > 0 && !nodes.Any(node => Fits(request, node)))
        {
            errors.AddRange(TooLarge(request, nodes));
        }

        return errors;
    }

    private static IEnumerable<SpecError> TooLarge(NotebookRequest request, List<NodeCapacity> nodes)
    {
        var largestGpus = nodes.Max(node => node.Gpus.Count);
        var largestCpus = nodes.Max(node => node.Cpus);
        var largestMemoryMb = nodes.Max(node => node.MemoryMb);
        var found = false;
        if (request.Gpus > largestGpus)
        {
            found = true;
            yield return new SpecError("gpus", $"asks for {request.Gpus} GPUs, but the largest node has {largestGpus}");
        }

        if (request.Cpus > largestCpus)
        {
            found = true;
            yield return new SpecError("cpus", $"asks for {Number(request.Cpus)} CPUs, but the largest node has {Number(largestCpus)}");
        }

        if (request.MemoryMb > largestMemoryMb)
        {
            found = true;
            yield return new SpecError("memoryMb", $"asks for {request.MemoryMb} MB, but the largest node has {largestMemoryMb} MB");
        }

        if (!found)
        {
            // Each amount fits somewhere but no node has them all: GPUs are what a notebook is for, else memory.
            yield return new SpecError(request.Gpus > 0 ? "gpus" : "memoryMb",
                $"{request.Gpus} GPUs, {Number(request.Cpus)} CPUs and {request.MemoryMb} MB each fit on some node, but no single node has all of them");
        }
    }

    private static bool Fits(NotebookRequest request, NodeCapacity node) =>
        request.Gpus <= node.Gpus.Count && request.Cpus <= node.Cpus && request.MemoryMb <= node.MemoryMb;

    private static string Number(double amount) => amount.ToString(CultureInfo.InvariantCulture);
}
