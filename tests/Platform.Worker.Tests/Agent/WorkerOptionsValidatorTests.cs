using Platform.Worker.Agent;

namespace Platform.Worker.Tests.Agent;

public class WorkerOptionsValidatorTests
{
    private static readonly Dictionary<string, (Action<WorkerOptions> Change, string Setting)> BadSettings = new()
    {
        ["port range starting below 1024"] = (o => o.PortStart = 80, "Platform:Worker:PortStart"),
        ["port range starting past 65535"] = (o => { o.PortStart = 70000; o.PortEnd = 70001; }, "Platform:Worker:PortStart"),
        ["port range ending before it starts"] = (o => { o.PortStart = 42000; o.PortEnd = 41000; }, "PortEnd"),
        ["port range ending past 65535"] = (o => o.PortEnd = 65536, "PortEnd"),
        ["negative fake GPU count"] = (o => o.FakeGpuCount = -1, "Platform:Worker:FakeGpuCount"),
        ["too many fake GPUs"] = (o => o.FakeGpuCount = 65, "Platform:Worker:FakeGpuCount"),
        ["no runtime"] = (o => o.Runtimes = " , ", "Platform:Worker:Runtimes"),
        ["unknown runtime"] = (o => o.Runtimes = "docker,kubernetes", "Platform:Worker:Runtimes"),
        ["image scans less than a second apart"] = (o => o.ImageScanSeconds = 0, "Platform:Worker:ImageScanSeconds"),
        ["image scans more than an hour apart"] = (o => o.ImageScanSeconds = 3601, "Platform:Worker:ImageScanSeconds"),
        ["empty node id"] = (o => o.NodeId = "  ", "Platform:Worker:NodeId"),
        ["relative volumes path"] = (o => o.VolumesPath = "data/volumes", "Platform:Worker:VolumesPath"),
    };

    public static TheoryData<string> BadSettingNames => [.. BadSettings.Keys];

    [Theory]
    [MemberData(nameof(BadSettingNames))]
    public void Bad_setting_stops_start_up_with_a_message_naming_it(string because)
    {
        var (change, setting) = BadSettings[because];
        var options = Valid();
        change(options);

        var result = new WorkerOptionsValidator().Validate(null, options);

        Assert.True(result.Failed, because);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains(setting, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_with_a_node_id_are_valid()
    {
        var result = new WorkerOptionsValidator().Validate(null, Valid());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("process")]
    [InlineData("docker, process")]
    [InlineData("Process,DOCKER")]
    public void Known_runtimes_in_any_case_and_spacing_are_valid(string runtimes)
    {
        var options = Valid();
        options.Runtimes = runtimes;

        Assert.True(new WorkerOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Every_bad_setting_is_reported_at_once()
    {
        var options = Valid();
        options.PortStart = 10;
        options.FakeGpuCount = 100;
        options.Runtimes = "podman";
        options.NodeId = "";

        var result = new WorkerOptionsValidator().Validate(null, options);

        Assert.Equal(4, result.Failures!.Count());
    }

    [Fact]
    public void Message_quotes_the_value_that_was_refused()
    {
        var options = Valid();
        options.Runtimes = "podman";

        var result = new WorkerOptionsValidator().Validate(null, options);

        Assert.Contains("'podman'", result.FailureMessage, StringComparison.Ordinal);
    }

    private static WorkerOptions Valid() => new() { NodeId = "node-a" };
}
