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
        { new NotebookOptions { DefaultUser = "../root" }, "Platform:Notebooks:DefaultUser must be a lowercase name" },
        { new NotebookOptions { DefaultUser = "Alice" }, "Platform:Notebooks:DefaultUser must be a lowercase name" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Bad_setting_is_named_with_its_range(NotebookOptions options, string message)
    {
        Assert.Contains(options.Problems(), problem => problem.StartsWith(message, StringComparison.Ordinal));
    }
}
