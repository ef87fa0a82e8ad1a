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
        ["pids limit below 16"] = (o => o.PidsLimit = 15, "Platform:Worker:PidsLimit"),
        ["pids limit above the maximum"] = (o => { o.MaxPidsLimit = 1000; o.PidsLimit = 1001; }, "Platform:Worker:PidsLimit"),
        ["pids maximum below 16"] = (o => { o.MaxPidsLimit = 15; o.PidsLimit = 16; }, "Platform:Worker:MaxPidsLimit"),
        ["pids maximum above pid_max"] = (o => o.MaxPidsLimit = 4_194_305, "Platform:Worker:MaxPidsLimit"),
        ["log size without a unit"] = (o => o.LogMaxSize = "50", "Platform:Worker:LogMaxSize"),
        ["log size of zero"] = (o => o.LogMaxSize = "0m", "Platform:Worker:LogMaxSize"),
        ["log size in terabytes"] = (o => o.LogMaxSize = "1t", "Platform:Worker:LogMaxSize"),
        ["no log files"] = (o => o.LogMaxFiles = 0, "Platform:Worker:LogMaxFiles"),
        ["more than 100 log files"] = (o => o.LogMaxFiles = 101, "Platform:Worker:LogMaxFiles"),
        ["nofile below 1024"] = (o => o.NofileLimit = 1023, "Platform:Worker:NofileLimit"),
        ["nofile above nr_open"] = (o => o.NofileLimit = 1_048_577, "Platform:Worker:NofileLimit"),
        ["task user by name"] = (o => o.TaskUser = "nobody", "Platform:Worker:TaskUser"),
        ["task user negative"] = (o => o.TaskUser = "-1:0", "Platform:Worker:TaskUser"),
        ["task user with three parts"] = (o => o.TaskUser = "1:2:3", "Platform:Worker:TaskUser"),
        ["task user past 32 bits"] = (o => o.TaskUser = "4294967296", "Platform:Worker:TaskUser"),
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
