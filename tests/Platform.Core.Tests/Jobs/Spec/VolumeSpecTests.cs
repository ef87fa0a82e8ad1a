using Platform.Contracts.Jobs;
using Platform.Core.Jobs.Spec;

namespace Platform.Core.Tests.Jobs.Spec;

/// <summary>The <c>volumes</c> list: what is accepted in either format, and each rule's refusal on its field.</summary>
public sealed class VolumeSpecTests
{
    public static readonly TheoryData<string, string> Refused = new()
    {
        // Shape
        { "\"volumes\":{\"name\":\"data\"}", "volumes" },
        { "\"volumes\":[\"data\"]", "volumes[0]" },
        { "\"volumes\":[null]", "volumes[0]" },
        { "\"volumes\":[{\"mountPath\":\"/data\"}]", "volumes[0].name" },
        { "\"volumes\":[{\"name\":\"data\"}]", "volumes[0].mountPath" },
        { "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\",\"readOnly\":true}]", "volumes[0].readOnly" },
        { "\"volumes\":[{\"name\":7,\"mountPath\":\"/data\"}]", "volumes[0].name" },
        { "\"volumes\":[{\"name\":\"data\",\"mountPath\":[\"/data\"]}]", "volumes[0].mountPath" },
        // Names
        { "\"volumes\":[{\"name\":\"Data\",\"mountPath\":\"/data\"}]", "volumes[0].name" },
        { "\"volumes\":[{\"name\":\"my_data\",\"mountPath\":\"/data\"}]", "volumes[0].name" },
        { "\"volumes\":[{\"name\":\"-data\",\"mountPath\":\"/data\"}]", "volumes[0].name" },
        { "\"volumes\":[{\"name\":\"../x\",\"mountPath\":\"/data\"}]", "volumes[0].name" },
        { "\"volumes\":[{\"name\":\"\",\"mountPath\":\"/data\"}]", "volumes[0].name" },
        { "\"volumes\":[{\"name\":\"a\",\"mountPath\":\"/a\"},{\"name\":\"a\",\"mountPath\":\"/b\"}]", "volumes[1].name" },
        // Mount paths
        { "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"data\"}]", "volumes[0].mountPath" },
        { "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/\"}]", "volumes[0].mountPath" },
        { "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data/\"}]", "volumes[0].mountPath" },
        { "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"//data\"}]", "volumes[0].mountPath" },
        { "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/a/../data\"}]", "volumes[0].mountPath" },
        { "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/a/./data\"}]", "volumes[0].mountPath" },
        { "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\\n\"}]", "volumes[0].mountPath" },
        { "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/proc\"}]", "volumes[0].mountPath" },
        { "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/sys/fs\"}]", "volumes[0].mountPath" },
        { "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/dev\"}]", "volumes[0].mountPath" },
        { "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/etc/ssl\"}]", "volumes[0].mountPath" },
        { "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/usr/local/data\"}]", "volumes[0].mountPath" },
        { "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/bin\"}]", "volumes[0].mountPath" },
        { "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/lib\"}]", "volumes[0].mountPath" },
        { "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/lib64\"}]", "volumes[0].mountPath" },
        { "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/sbin\"}]", "volumes[0].mountPath" },
        { "\"volumes\":[{\"name\":\"a\",\"mountPath\":\"/data\"},{\"name\":\"b\",\"mountPath\":\"/data\"}]", "volumes[1].mountPath" },
        { "\"volumes\":[{\"name\":\"a\",\"mountPath\":\"/data\"},{\"name\":\"b\",\"mountPath\":\"/data/sub\"}]", "volumes[1].mountPath" },
        { "\"volumes\":[{\"name\":\"a\",\"mountPath\":\"/data/sub\"},{\"name\":\"b\",\"mountPath\":\"/data\"}]", "volumes[1].mountPath" },
        // Count and runtime
        { "\"volumes\":[" + string.Join(",", Enumerable.Range(0, 9).Select(i => $"{{\"name\":\"v{i}\",\"mountPath\":\"/v{i}\"}}")) + "]", "volumes" },
        { "\"runtime\":\"process\",\"command\":[\"train\"],\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\"}]", "volumes" },
    };

    public static readonly TheoryData<string> AllowedMountPaths = new()
    {
        "/data", "/checkpoints", "/workspace/checkpoints", "/usrdata", "/libs", "/home/user/out", "/tmp/out", "/mnt/nfs", "/opt/model",
    };

    [Theory, MemberData(nameof(Refused))]
    public void Bad_volume_is_refused_on_its_field(string fields, string field) =>
        JobSpecParserRefusalTests.AssertRefused(SpecJson.Top(fields), field);

    [Theory, MemberData(nameof(AllowedMountPaths))]
    public void Mount_path_outside_system_directories_is_accepted(string mountPath)
    {
        var spec = Parse(SpecJson.Top($"\"volumes\":[{{\"name\":\"data\",\"mountPath\":\"{mountPath}\"}}]"), null);

        Assert.Equal([new VolumeSpec("data", mountPath)], spec.Volumes);
    }

    [Fact]
    public void Volumes_read_the_same_from_json_and_yaml_in_their_order()
    {
        var json = Parse(SpecJson.Top("""
            "volumes":[{"name":"checkpoints","mountPath":"/checkpoints"},{"name":"data","mountPath":"/work/data"},{"name":"logs","mountPath":"/work/logs"}]
            """), "application/json");
        var yaml = Parse("""
            name: job
            replicas: { worker: {} }
            volumes:
              - name: checkpoints
                mountPath: /checkpoints
              - { name: data, mountPath: /work/data }
              - name: logs
                mountPath: /work/logs
            """, "application/yaml");

        VolumeSpec[] expected = [new("checkpoints", "/checkpoints"), new("data", "/work/data"), new("logs", "/work/logs")];
        Assert.Equal(expected, json.Volumes);
        Assert.Equal(expected, yaml.Volumes);
    }

    [Fact]
    public void Eight_volumes_are_allowed()
    {
        var volumes = string.Join(",", Enumerable.Range(0, 8).Select(i => $"{{\"name\":\"v{i}\",\"mountPath\":\"/v{i}\"}}"));

        Assert.Equal(8, Parse(SpecJson.Top($"\"volumes\":[{volumes}]"), null).Volumes.Count);
    }

    [Theory]
    [InlineData("\"volumes\":[]")]
    [InlineData("\"volumes\":null")]
    [InlineData("\"priorityClass\":\"normal\"")]
    public void No_volumes_is_an_empty_list(string fields)
    {
        Assert.Empty(Parse(SpecJson.Top(fields), null).Volumes);
    }

    [Fact]
    public void Every_bad_volume_field_is_named_at_once()
    {
        var result = JobSpecParser.Parse(SpecJson.Top("""
            "volumes":[{"name":"Bad","mountPath":"/etc"},{"name":"ok","mountPath":"rel"}]
            """), null);

        Assert.Equal(["volumes[0].mountPath", "volumes[0].name", "volumes[1].mountPath"], result.Errors.Select(e => e.Field).Order());
    }

    private static JobSpec Parse(string body, string? contentType)
    {
        var result = JobSpecParser.Parse(body, contentType);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Spec!;
    }
}
