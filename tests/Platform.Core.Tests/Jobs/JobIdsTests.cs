using Platform.Contracts.Jobs;
using Platform.Core.Jobs;

namespace Platform.Core.Tests.Jobs;

public sealed class JobIdsTests
{
    [Fact]
    public void New_ids_are_the_name_and_64_random_bits()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => JobIds.New("mnist")).ToList();

        Assert.All(ids, id => Assert.Matches("^mnist-[0-9a-f]{16}$", id));
        Assert.Equal(1000, ids.Distinct().Count());
    }

    [Fact]
    public void A_key_always_names_the_same_job_and_another_key_another()
    {
        Assert.Equal(JobIds.ForKey("mnist", "run-42"), JobIds.ForKey("mnist", "run-42"));
        Assert.NotEqual(JobIds.ForKey("mnist", "run-42"), JobIds.ForKey("mnist", "run-43"));
        Assert.Matches("^mnist-[0-9a-f]{16}$", JobIds.ForKey("mnist", "run-42"));
    }

    public static TheoryData<string, bool> Keys => new()
    {
        { "a", true },
        { "3f2b9c1e-0d4a-4c55-9a1e-2b7d8e6f0a11", true },
        { new string('k', JobIds.MaxIdempotencyKeyLength), true },
        { new string('k', JobIds.MaxIdempotencyKeyLength + 1), false },
        { "", false },
        { "has space", false },
        { "tab\there", false },
        { "ünïcode", false },
        { "new\nline", false },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Idempotency_keys_are_1_to_255_visible_ascii_characters(string key, bool usable) =>
        Assert.Equal(usable, JobIds.KeyProblem(key) is null);
}
