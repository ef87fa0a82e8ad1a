using System.Text;
using System.Text.Json;
using Platform.Contracts.Jobs;

namespace Platform.Core.Jobs.ClusterSpec;

/// <summary>
/// The <c>TF_CONFIG</c> value in the Kubeflow TFJob format: compact JSON, cluster keys in
/// <see cref="ReplicaTypes.All"/> order, each list ordered by index.
/// </summary>
internal static class TfConfig
{
    public static string Of(IReadOnlyList<PlacedTask> tasks, PlacedTask self)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("cluster");
            foreach (var group in tasks.GroupBy(t => t.Type.ToLowerInvariant()).OrderBy(g => TypeOrder(g.Key)))
            {
                json.WriteStartArray(group.Key);
                foreach (var task in group.OrderBy(t => t.Index))
                {
                    json.WriteStringValue(task.Address);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteStartObject("task");
            json.WriteString("type", self.Type.ToLowerInvariant());
            json.WriteNumber("index", self.Index);
            json.WriteEndObject();
            json.WriteString("environment", "cloud");
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static int TypeOrder(string type)
    {
        var order = ReplicaTypes.All.ToList().IndexOf(type);
        return order < 0 ? ReplicaTypes.All.Count : order;
    }
}
