using Platform.Worker.Runtimes;

namespace Platform.Worker.Tests.Runtimes;

public class OpenFilesLimitTests
{
    [Theory]
    [InlineData("Max open files            20000                20000                files     ", 20000L)]
    [InlineData("Max open files            1024                 1048576              files     ", 1048576L)]
    [InlineData("Max open files            unlimited            unlimited            files     ", null)]
    [InlineData("Max processes             95000                95000                processes ", null)]
    public void Hard_limit_is_the_second_number_of_the_open_files_line(string line, long? hard) =>
        Assert.Equal(hard, OpenFilesLimit.Parse(["Limit                     Soft Limit           Hard Limit           Units     ", line]));

    [Theory]
    [InlineData(20000L, 20000L)]
    [InlineData(1048576L, 65536L)]
    [InlineData(65536L, 65536L)]
    [InlineData(null, 65536L)]
    public void Default_nofile_is_65536_or_the_agents_lower_hard_limit(long? agentHard, long expected) =>
        Assert.Equal(expected, NodeTaskLimits.DefaultNofile(agentHard));
}
