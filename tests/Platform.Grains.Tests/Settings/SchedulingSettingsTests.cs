using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Core.Scheduling;
using Platform.Grains.Hosting;

namespace Platform.Grains.Tests.Settings;

/// <summary><c>Platform:Scheduling</c> and <c>Platform:Teams</c> as an admin writes them, bound and checked together.</summary>
public sealed class SchedulingSettingsTests
{
    [Fact]
    public void Configured_classes_replace_the_built_in_ones_and_teams_get_their_own()
    {
        var options = Bind(new()
        {
            ["Platform:Scheduling:PriorityClasses:0:Name"] = "batch",
            ["Platform:Scheduling:PriorityClasses:0:Value"] = "-10",
            ["Platform:Scheduling:PriorityClasses:0:Preemptible"] = "true",
            ["Platform:Scheduling:PriorityClasses:1:Name"] = "standard",
            ["Platform:Scheduling:PriorityClasses:1:Value"] = "50",
            ["Platform:Scheduling:PriorityClasses:2:Name"] = "urgent",
            ["Platform:Scheduling:PriorityClasses:2:Value"] = "500000",
            ["Platform:Scheduling:DefaultPriorityClass"] = "standard",
            ["Platform:Scheduling:TeamDefaults:PriorityClasses:0"] = "batch",
            ["Platform:Scheduling:TeamDefaults:PriorityClasses:1"] = "standard",
            ["Platform:Teams:vision:PriorityClasses:0"] = "standard",
            ["Platform:Teams:vision:PriorityClasses:1"] = "urgent",
        });

        var policy = options.Policy();

        Assert.Equal(["batch", "standard", "urgent"], options.Classes.Select(c => c.Name));
        Assert.Equal(new PriorityClass("standard", 50, false), policy.DefaultClass);
        Assert.Equal(new PriorityClass("urgent", 500000, false), policy.Resolve("urgent", "vision").Class);
        Assert.Equal(["batch", "standard"], policy.AllowedFor("nlp"));
        Assert.Contains("team 'nlp' may use: batch, standard", policy.Resolve("urgent", "nlp").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_configured_means_low_normal_high_with_normal_the_default()
    {
        var policy = Bind([]).Policy();

        Assert.Equal(new PriorityClass("normal", 100, false), policy.DefaultClass);
        Assert.Equal(["low", "normal"], policy.AllowedFor("anyone"));
        Assert.Null(policy.Resolve("high", "x").Class);
        Assert.Equal(1000, Bind(new() { ["Platform:Teams:x:PriorityClasses:0"] = "high" }).Policy().Resolve("high", "x").Class?.Value);
    }

    [Fact]
    public void Team_naming_an_unknown_class_stops_start_up_naming_the_key()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Platform:Teams:vision:PriorityClasses:0"] = "urgent" }));

        Assert.Contains("Platform:Teams:vision:PriorityClasses names 'urgent'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Team_quotas_stop_start_up_while_the_scheduler_does_not_enforce_them()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Platform:Scheduling:TeamQuotas:vision:Pools:default:Gpus"] = "8",
        }));

        Assert.Contains("Platform:Scheduling:TeamQuotas: pools, team quotas and cohorts are not enforced", failure.Message, StringComparison.Ordinal);
    }

    private static SchedulingOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddPlatformSchedulingOptions();
        return services.BuildServiceProvider().GetRequiredService<IOptions<SchedulingOptions>>().Value;
    }
}
