using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.E2E.Tests.Notebooks;

/// <summary>
/// The notebook image (jupyter/) as the platform runs it: Jupyter under its base URL on the task
/// port, nothing without the token, the token in no log line, a kernel reachable over a websocket
/// whose Origin names another host (the gateway's), and the sample notebook training headless.
/// </summary>
[Trait("Category", "Docker")]
public sealed partial class JupyterImageTests(JupyterImageTests.Fixture fixture) : IClassFixture<JupyterImageTests.Fixture>
{
    private const string GatewayOrigin = "http://gateway.example:5080";

    private static readonly TimeSpan NotebookTimeout = TimeSpan.FromMinutes(10);

    private JupyterContainer Jupyter => fixture.Jupyter;

    [Fact]
    public async Task Requests_without_the_token_or_with_a_wrong_one_are_refused_and_with_it_answered()
    {
        using var without = await Jupyter.SendAsync(HttpMethod.Get, "api/status", authorized: false);
        using var wrong = await Jupyter.Http.GetAsync($"api/contents?token={Jupyter.Token}x");
        using var with = await Jupyter.SendAsync(HttpMethod.Get, "api/status", authorized: true);
        using var lab = await Jupyter.SendAsync(HttpMethod.Get, "lab", authorized: true);

        Assert.Equal(HttpStatusCode.Forbidden, without.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.True((await with.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("started", out _));
        Assert.Equal(HttpStatusCode.OK, lab.StatusCode);
        Assert.Contains("<title>JupyterLab</title>", await lab.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_token_appears_in_no_log_line_even_after_requests_that_carry_it_in_the_url()
    {
        using var right = await Jupyter.Http.GetAsync($"api/contents?token={Jupyter.Token}");
        using var wrong = await Jupyter.Http.GetAsync($"api/contents?token={Jupyter.Token}x");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);

        var logs = await Jupyter.LogsAsync();

        Assert.Contains($"{Jupyter.BaseUrl}lab?token=...", logs);
        Assert.DoesNotContain(Jupyter.Token, logs);
        Assert.DoesNotContain("jupyterlab.github.io", logs);
    }

    [Fact]
    public async Task JupyterLab_neither_asks_for_news_nor_checks_for_updates()
    {
        using var response = await Jupyter.SendAsync(HttpMethod.Get, "lab/api/settings/@jupyterlab/apputils-extension:notification", authorized: true);
        var defaults = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("schema").GetProperty("properties");
        using var lab = await Jupyter.SendAsync(HttpMethod.Get, "lab", authorized: true);

        Assert.Equal("false", defaults.GetProperty("fetchNews").GetProperty("default").GetString());
        Assert.False(defaults.GetProperty("checkForUpdates").GetProperty("default").GetBoolean());
        Assert.Contains("\"news\": {\"disabled\": true}", await lab.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_kernel_runs_code_over_a_websocket_whose_origin_is_another_host()
    {
        using var created = await Jupyter.SendAsync(HttpMethod.Post, "api/kernels", authorized: true, GatewayOrigin, JsonContent.Create(new { name = "python3" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var kernel = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        try
        {
            var headers = new Dictionary<string, string> { ["Authorization"] = $"token {Jupyter.Token}", ["Origin"] = GatewayOrigin };
            await using var socket = await KernelSocket.ConnectAsync(new Uri($"ws://127.0.0.1:{Jupyter.Port}{Jupyter.BaseUrl}api/kernels/{kernel}/channels"), headers);

            var result = await socket.ExecuteAsync("import torch; int(torch.arange(10).sum())", TimeSpan.FromMinutes(2));

            Assert.Equal("45", result);
        }
        finally
        {
            using var deleted = await Jupyter.SendAsync(HttpMethod.Delete, $"api/kernels/{kernel}", authorized: true);
        }
    }

    [Fact]
    public async Task The_sample_notebook_copied_into_the_work_folder_runs_headless_and_its_loss_falls()
    {
        var (exitCode, stdout, stderr) = await Jupyter.ExecAsync(NotebookTimeout,
            "jupyter", "nbconvert", "--to", "notebook", "--execute", "--stdout",
            "--ExecutePreprocessor.timeout=600", "/home/jovyan/work/fashion-mnist.ipynb");

        Assert.True(exitCode == 0, $"nbconvert exited {exitCode}:\n{stderr}");
        var printed = string.Concat(StreamTexts(JsonDocument.Parse(stdout).RootElement));
        Assert.Contains("NVIDIA_VISIBLE_DEVICES=void", printed);
        Assert.Contains("training on cpu", printed);
        Assert.Contains("train (60000, 1, 28, 28), test (10000, 1, 28, 28)", printed);
        var losses = LossLine().Matches(printed).Select(match => double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(losses.Count == 7, printed);
        Assert.True(losses[^1] < losses[0] / 2, $"the loss did not fall: {string.Join(", ", losses)}");
        var accuracy = double.Parse(Accuracy().Match(printed).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(accuracy > 0.6, printed);
    }

    [Fact]
    public async Task Without_a_token_the_container_refuses_to_start_an_open_server()
    {
        await using var open = await JupyterContainer.StartAsync(token: null);

        await Infrastructure.Eventually.HoldsAsync(async () => Assert.False(await open.IsRunningAsync()),
            TimeSpan.FromMinutes(1), "the container without a token to exit");

        Assert.Equal(2, await open.ExitCodeAsync());
        Assert.Contains("JUPYTER_TOKEN is not set", await open.LogsAsync());
    }

    /// <summary>The text of every stream output of an executed notebook, in cell order.</summary>
    private static IEnumerable<string> StreamTexts(JsonElement notebook) =>
        from cell in notebook.GetProperty("cells").EnumerateArray()
        where cell.TryGetProperty("outputs", out _)
        from output in cell.GetProperty("outputs").EnumerateArray()
        where output.GetProperty("output_type").GetString() == "stream"
        select output.GetProperty("text") is { ValueKind: JsonValueKind.Array } lines
            ? string.Concat(lines.EnumerateArray().Select(line => line.GetString()))
            : output.GetProperty("text").GetString()!;

    [GeneratedRegex(@"step\s+(\d+)\s+loss (\d+\.\d+)")]
    private static partial Regex LossLine();

    [GeneratedRegex(@"test accuracy after \d+ steps: (\d\.\d+)")]
    private static partial Regex Accuracy();

    /// <summary>One Jupyter container for the class, serving before the first test.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public JupyterContainer Jupyter { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Jupyter = await JupyterContainer.StartAsync();
            await Jupyter.WaitUntilServingAsync();
        }

        public async Task DisposeAsync() => await Jupyter.DisposeAsync();
    }
}
