using System.Globalization;
using System.Text.Json;

namespace Platform.Training;

/// <summary>Parses the Kubeflow <c>TF_CONFIG</c> format into a <see cref="TrainingCluster"/>.</summary>
internal static class TfConfigParser
{
    public static TrainingCluster Parse(string json, int? port, string? jobId)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new TrainingException($"TF_CONFIG is not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new TrainingException("TF_CONFIG must be a JSON object with \"cluster\" and \"task\".");
            }

            var cluster = ReadCluster(root);
            var (type, index) = ReadTask(root);
            return Build(cluster, type, index, port, jobId);
        }
    }

    private static Dictionary<string, List<string>> ReadCluster(JsonElement root)
    {
        if (!root.TryGetProperty("cluster", out var cluster) || cluster.ValueKind != JsonValueKind.Object)
        {
            throw new TrainingException("TF_CONFIG.cluster is missing or not an object.");
        }

        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var group in cluster.EnumerateObject())
        {
            if (group.Value.ValueKind != JsonValueKind.Array)
            {
                throw new TrainingException($"TF_CONFIG.cluster.{group.Name} must be an array of \"host:port\" strings.");
            }

            var addresses = new List<string>();
            foreach (var address in group.Value.EnumerateArray())
            {
                if (address.ValueKind != JsonValueKind.String || !TryParsePort(address.GetString()!, out _))
                {
                    throw new TrainingException($"TF_CONFIG.cluster.{group.Name} holds {address.GetRawText()}, which is not a \"host:port\" string.");
                }

                addresses.Add(address.GetString()!);
            }

            groups[group.Name.ToLowerInvariant()] = addresses;
        }

        return groups;
    }

    private static (string Type, int Index) ReadTask(JsonElement root)
    {
        if (!root.TryGetProperty("task", out var task) || task.ValueKind != JsonValueKind.Object)
        {
            throw new TrainingException("TF_CONFIG.task is missing or not an object.");
        }

        if (!task.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString()!.Length == 0)
        {
            throw new TrainingException("TF_CONFIG.task.type is missing or not a string.");
        }

        if (!task.TryGetProperty("index", out var index) || !index.TryGetInt32(out var value) || value < 0)
        {
            throw new TrainingException("TF_CONFIG.task.index is missing or not a non-negative integer.");
        }

        return (type.GetString()!.ToLowerInvariant(), value);
    }

    private static TrainingCluster Build(Dictionary<string, List<string>> groups, string type, int index, int? port, string? jobId)
    {
        if (!groups.TryGetValue(type, out var own) || index >= own.Count)
        {
            throw new TrainingException($"TF_CONFIG.task is {type}-{index}, but TF_CONFIG.cluster has no such task.");
        }

        var chiefs = groups.GetValueOrDefault(TaskTypes.Chief, []).Concat(groups.GetValueOrDefault(TaskTypes.Master, [])).ToList();
        if (chiefs.Count > 1)
        {
            throw new TrainingException("TF_CONFIG.cluster has more than one chief or master; at most one is allowed.");
        }

        var workers = groups.GetValueOrDefault(TaskTypes.Worker, []);
        var rank = type switch
        {
            TaskTypes.Chief or TaskTypes.Master => 0,
            TaskTypes.Worker => chiefs.Count + index,
            _ => -1,
        };

        if (port is null && TryParsePort(own[index], out var ownPort))
        {
            port = ownPort;
        }

        return new TrainingCluster
        {
            TaskType = type,
            TaskIndex = index,
            Rank = rank,
            Port = port,
            JobId = jobId,
            ParameterServers = groups.GetValueOrDefault(TaskTypes.ParameterServer, []),
            Participants = [.. chiefs, .. workers],
        };
    }

    internal static bool TryParsePort(string address, out int port)
    {
        port = 0;
        var colon = address.LastIndexOf(':');
        return colon > 0
            && int.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port)
            && port is > 0 and < 65536;
    }
}
