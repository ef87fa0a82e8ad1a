using Platform.Cli.Notebooks;

namespace Platform.Cli.Tests.Notebooks;

public sealed class BrowserCommandTests
{
    private static readonly string[] Installed = ["/usr/bin/xdg-open", "/usr/bin/firefox", "/usr/bin/open", "/opt/tools/browse"];

    public static TheoryData<string, string?, string?, bool, string?> Cases => new()
    {
        // name, $BROWSER, $DISPLAY, macOS, expected command
        { "BROWSER entry gets the address appended", "firefox", null, false, "firefox \"$1\"" },
        { "%s in BROWSER stands for the address", "firefox --new-tab %s", null, false, "firefox --new-tab \"$1\"" },
        { "a missing BROWSER program is passed over for the next", "lynx:/opt/tools/browse", null, false, "/opt/tools/browse \"$1\"" },
        { "a BROWSER path that does not exist falls back to xdg-open with a display", "/no/such/browser", ":0", false, "xdg-open \"$1\"" },
        { "xdg-open with a display", null, ":0", false, "xdg-open \"$1\"" },
        { "no display and no BROWSER: nothing", null, null, false, null },
        { "an empty BROWSER is no BROWSER", "", null, false, null },
        { "open on macOS", null, null, true, "open \"$1\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Chooses_the_command_that_opens_the_address(string name, string? browser, string? display, bool macOs, string? expected)
    {
        var environment = new Dictionary<string, string?> { ["PATH"] = "/usr/local/bin:/usr/bin", ["BROWSER"] = browser, ["DISPLAY"] = display };

        var command = BrowserCommand.Choose(variable => environment.GetValueOrDefault(variable), Installed.Contains, macOs);

        Assert.True(expected == command, $"{name}: expected {expected ?? "null"}, got {command ?? "null"}");
    }

    [Fact]
    public void Wayland_counts_as_a_display()
    {
        var environment = new Dictionary<string, string?> { ["PATH"] = "/usr/bin", ["WAYLAND_DISPLAY"] = "wayland-0" };

        Assert.Equal("xdg-open \"$1\"", BrowserCommand.Choose(variable => environment.GetValueOrDefault(variable), Installed.Contains, isMacOs: false));
    }
}
