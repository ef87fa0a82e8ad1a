using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Platform.Training.Tests.Infrastructure;

/// <summary>
/// A training job of real test-host processes on loopback: ps tasks, an optional chief and workers, each
/// with the TF_CONFIG and PLATFORM_* variables the platform would inject (a job secret of their own
/// included), sharing a checkpoint directory.
/// </summary>
public sealed class TrainingJob : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly Dictionary<string, List<string>> _cluster = [];
    private readonly Dictionary<string, int> _ports = [];
    private readonly Dictionary<string, HostProcess> _running = [];
    private readonly List<HostProcess> _all = [];
    private readonly string[] _arguments;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"training-job-{Guid.NewGuid():N}");
    private readonly string _secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public TrainingJob(int parameterServers, bool chief, int workers, params string[] arguments)
    {
        var names = Enumerable.Range(0, parameterServers).Select(i => ("ps", i))
            .Concat(chief ? [("chief", 0)] : [])
            .Concat(Enumerable.Range(0, workers).Select(i => ("worker", i)))
            .ToList();
        var ports = TestPorts.Free(names.Count);
        foreach (var ((type, index), port) in names.Zip(ports))
        {
            _ports[$"{type}-{index}"] = port;
            if (!_cluster.TryGetValue(type, out var addresses))
            {
                _cluster[type] = addresses = [];
            }

            addresses.Add($"127.0.0.1:{port}");
        }

        Directory.CreateDirectory(_directory);
        _arguments = [.. arguments, "--checkpoint-dir", CheckpointDirectory, "--result", ResultPath, "--release-file", ReleasePath];
    }

    public string CheckpointDirectory => Path.Combine(_directory, "checkpoints");

    public string ResultPath => Path.Combine(_directory, "result.json");

    /// <summary>The file a chief started with <c>--pause-chief-at-step</c> waits for.</summary>
    public string ReleasePath => Path.Combine(_directory, "release");

    public IEnumerable<string> TaskNames => _ports.Keys;

    public IEnumerable<string> Participants => TaskNames.Where(name => !name.StartsWith("ps-", StringComparison.Ordinal));

    public HostProcess this[string task] => _running[task];

    /// <summary>Starts the participants first and the ps last: tasks start in any order and must wait for each other.</summary>
    public void StartAll()
    {
        foreach (var task in Participants.Concat(TaskNames.Where(name => name.StartsWith("ps-", StringComparison.Ordinal))))
        {
            Start(task);
        }
    }

    public HostProcess Start(string task)
    {
        var (type, index) = (task[..task.LastIndexOf('-')], task[(task.LastIndexOf('-') + 1)..]);
        var tfConfig = JsonSerializer.Serialize(new { cluster = _cluster, task = new { type, index = int.Parse(index, CultureInfo.InvariantCulture) }, environment = "cloud" });
        var environment = new Dictionary<string, string>
        {
            ["TF_CONFIG"] = tfConfig,
            ["PLATFORM_TASK_TYPE"] = type,
            ["PLATFORM_TASK_INDEX"] = index,
            ["PLATFORM_TASK_NAME"] = task,
            ["PLATFORM_TASK_PORT"] = _ports[task].ToString(CultureInfo.InvariantCulture),
            ["PLATFORM_JOB_ID"] = Path.GetFileName(_directory),
            ["PLATFORM_JOB_SECRET"] = _secret,
        };
        var process = HostProcess.Start(task, environment, _arguments);
        _running[task] = process;
        _all.Add(process);
        return process;
    }

    /// <summary>Lets a chief paused by <c>--pause-chief-at-step</c> go on.</summary>
    public void Release() => File.WriteAllText(ReleasePath, "");

    /// <summary>SIGKILL, then a fresh process for the same task on the same port, as the platform's restart policy does.</summary>
    public async Task<HostProcess> KillAndRestartAsync(string task)
    {
        await _running[task].KillAsync();
        return Start(task);
    }

    /// <summary>Waits for every running task to exit and asserts each exited 0.</summary>
    public async Task AllSucceedAsync()
    {
        foreach (var (name, process) in _running)
        {
            var code = await process.ExitCodeAsync(Patience);
            Assert.True(code == 0, $"{name} exited {code}.\n{Describe()}");
        }
    }

    public TrainingResult Result()
    {
        Assert.True(File.Exists(ResultPath), $"The chief wrote no result.\n{Describe()}");
        return JsonSerializer.Deserialize<TrainingResult>(File.ReadAllText(ResultPath))!;
    }

    /// <summary>Every process's output, for failure messages.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var process in _all)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"----- {process.Name} -----").Append(process.Output);
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _all)
        {
            await process.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
