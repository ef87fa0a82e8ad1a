using Platform.Contracts.Jobs;
using Platform.Core.Jobs.Lifecycle;

namespace Platform.Core.Tests.Jobs.Lifecycle;

public class SuccessRulesTests
{
    private const TaskState Ok = TaskState.Succeeded;
    private const TaskState Run = TaskState.Running;
    private const TaskState Bad = TaskState.Failed;

    /// <summary>Policy, tasks as "type-index:State" words, whether the job has succeeded.</summary>
    public static TheoryData<SuccessPolicy, string, bool> Cases => new()
    {
        { SuccessPolicy.Default, $"chief-0:{Ok} ps-0:{Run} worker-0:{Run} worker-1:{Run}", true },
        { SuccessPolicy.Default, $"chief-0:{Run} ps-0:{Run} worker-0:{Ok} worker-1:{Ok}", false },
        { SuccessPolicy.Default, $"master-0:{Ok} worker-0:{Bad}", true },
        { SuccessPolicy.Default, $"master-0:{Run} worker-0:{Ok}", false },
        { SuccessPolicy.Default, $"ps-0:{Run} worker-0:{Ok} worker-1:{Run}", true },
        { SuccessPolicy.Default, $"ps-0:{Run} worker-0:{Run} worker-1:{Ok}", false },
        { SuccessPolicy.Default, $"ps-0:{Ok} evaluator-0:{Ok}", true },
        { SuccessPolicy.Default, $"ps-0:{Ok} evaluator-0:{Run}", false },
        { SuccessPolicy.Default, "", false },
        { SuccessPolicy.AllWorkers, $"chief-0:{Ok} ps-0:{Run} worker-0:{Ok} worker-1:{Ok}", true },
        { SuccessPolicy.AllWorkers, $"chief-0:{Ok} ps-0:{Run} worker-0:{Ok} worker-1:{Run}", false },
        { SuccessPolicy.AllWorkers, $"chief-0:{Run} worker-0:{Ok} worker-1:{Ok}", false },
        { SuccessPolicy.AllWorkers, $"master-0:{Ok} worker-0:{Ok} evaluator-0:{Run}", true },
        { SuccessPolicy.AllWorkers, $"ps-0:{Run} worker-0:{Ok} worker-1:{Ok} worker-2:{Ok}", true },
        { SuccessPolicy.AllWorkers, $"ps-0:{Run} worker-0:{Ok} worker-1:{Bad}", false },
        { SuccessPolicy.AllWorkers, $"ps-0:{Ok} evaluator-0:{Ok}", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Job_succeeds_per_its_success_policy(SuccessPolicy policy, string tasks, bool succeeded) =>
        Assert.Equal(succeeded, SuccessRules.IsSucceeded(policy, Parse(tasks)));

    private static (string Type, int Index, TaskState State)[] Parse(string tasks) =>
    [
        .. tasks.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word =>
        {
            var (name, state) = (word[..word.IndexOf(':')], word[(word.IndexOf(':') + 1)..]);
            var dash = name.LastIndexOf('-');
            return (name[..dash], int.Parse(name[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture), Enum.Parse<TaskState>(state));
        }),
    ];
}
