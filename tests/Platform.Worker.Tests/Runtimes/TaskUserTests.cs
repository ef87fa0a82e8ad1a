using Platform.Worker.Runtimes;

namespace Platform.Worker.Tests.Runtimes;

public class TaskUserTests
{
    public static TheoryData<string?, int?, int?> Cases => new()
    {
        { null, null, null },
        { "", null, null },
        { "1000:1000", 1000, 1000 },
        { "1000:100", 1000, 100 },
        { "65534", 65534, 65534 },
        { "0:0", 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Numeric_uid_and_gid_parse(string? text, int? uid, int? gid)
    {
        Assert.True(TaskUser.TryParse(text, out var user));

        Assert.Equal((uid, gid), (user?.Uid, user?.Gid));
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("1000:staff")]
    [InlineData("+1000")]
    [InlineData("1000:")]
    [InlineData(":1000")]
    [InlineData("1 000")]
    public void Anything_but_numbers_is_refused(string text) => Assert.False(TaskUser.TryParse(text, out _));

    [Fact]
    public void Container_user_is_uid_colon_gid() => Assert.Equal("1000:100", new TaskUser(1000, 100).ToString());
}
