using Platform.Core.Notebooks;

namespace Platform.Core.Tests.Notebooks;

public class NotebookOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.Empty(new NotebookOptions().Problems());
    }

    public static TheoryData<NotebookOptions, string> Bad => new()
    {
        { new NotebookOptions { Image = " " }, "Platform:Notebooks:Image" },
        { new NotebookOptions { IdleTimeoutMinutes = 0 }, "Platform:Notebooks:IdleTimeoutMinutes must be between 1 and 10080" },
        { new NotebookOptions { MinuteSeconds = 0 }, "Platform:Notebooks:MinuteSeconds must be more than 0" },
        { new NotebookOptions { CheckSeconds = -1 }, "Platform:Notebooks:CheckSeconds must be more than 0" },
        { new NotebookOptions { ReadyTimeoutSeconds = double.NaN }, "Platform:Notebooks:ReadyTimeoutSeconds must be more than 0" },
        { new NotebookOptions { StopGraceSeconds = -1 }, "Platform:Notebooks:StopGraceSeconds must be 0 or more" },
        { new NotebookOptions { OriginDomain = "Example.org" }, "Platform:Notebooks:OriginDomain must be empty or a lowercase DNS name" },
        { new NotebookOptions { OriginDomain = "localhost:5000" }, "Platform:Notebooks:OriginDomain must be empty or a lowercase DNS name" },
        { new NotebookOptions { OriginDomain = "*.example.org" }, "Platform:Notebooks:OriginDomain must be empty or a lowercase DNS name" },
    };

    [Theory]
    [InlineData("localhost")]
    [InlineData("platform.example.org")]
    public void A_domain_for_notebook_origins_is_valid(string domain)
    {
        Assert.Empty(new NotebookOptions { OriginDomain = domain }.Problems());
    }

    [Theory]
    [MemberData(nameof(Bad))]
    public void Bad_setting_is_named_with_its_range(NotebookOptions options, string message)
    {
        Assert.Contains(options.Problems(), problem => problem.StartsWith(message, StringComparison.Ordinal));
    }
}
