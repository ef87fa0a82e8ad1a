using Platform.Core.Scheduling.Policy;
using static Platform.Core.Tests.Scheduling.Policy.Policies;

namespace Platform.Core.Tests.Scheduling.Policy;

/// <summary>Admission by quota (Kueue semantics) in <see cref="Policies.Research"/>, pool a100 of 32 GPUs.</summary>
public sealed class AdmissionTests
{
    private sealed record Row(string Team, Amount Need, Dictionary<string, Amount> Usage, AdmissionVerdict Verdict, string? Reason = null);

    private static readonly Amount PoolCapacity = new(32, 256_000, 1_000_000);

    private static readonly Dictionary<string, Row> Table = new()
    {
        ["a team within its nominal quota is admitted"] = new("vision", Gpus(8), [], AdmissionVerdict.WithinNominal),
        ["a team borrows the cohort's idle quota within its borrowing limit"] = new(
            "vision", Gpus(4), new() { ["vision"] = Gpus(8) }, AdmissionVerdict.Borrowing),
        ["borrowing past the borrowing limit is refused for now"] = new(
            "vision", Gpus(5), new() { ["vision"] = Gpus(8) }, AdmissionVerdict.OverQuota,
            "team vision would use 13 of its 8 nominal GPUs in pool a100 and may borrow 4 more (borrowingLimit 4)"),
        ["a borrowing limit of 0 forbids borrowing"] = new(
            "speech", Gpus(1), new() { ["speech"] = Gpus(4) }, AdmissionVerdict.OverQuota,
            "team speech would use 5 of its 4 nominal GPUs in pool a100 and may borrow 0 more (borrowingLimit 0)"),
        ["what a team already borrows counts against its borrowing limit"] = new(
            "vision", Gpus(2), new() { ["vision"] = Gpus(11) }, AdmissionVerdict.OverQuota,
            "team vision would use 13 of its 8 nominal GPUs in pool a100 and may borrow 1 more (borrowingLimit 4)"),
        ["nothing is left to borrow when the cohort has lent all its lendable quota"] = new(
            "vision", Gpus(1), new() { ["vision"] = Gpus(8), ["nlp"] = Gpus(8), ["speech"] = Gpus(4) }, AdmissionVerdict.OverQuota,
            "team vision would use 9 of its 8 nominal GPUs in pool a100 and cohort research has 0 GPUs left to lend of 16"),
        ["a lending limit keeps the rest of the lender's nominal for itself"] = new(
            "vision", Gpus(4), new() { ["vision"] = Gpus(8), ["nlp"] = Gpus(6), ["speech"] = Gpus(4) }, AdmissionVerdict.OverQuota,
            "team vision would use 12 of its 8 nominal GPUs in pool a100 and cohort research has 2 GPUs left to lend of 16"),
        ["the part of a lender's nominal it does not lend stays out of the cohort's reach"] = new(
            "vision", Gpus(4), new() { ["vision"] = Gpus(8), ["nlp"] = Gpus(4), ["speech"] = Gpus(4) }, AdmissionVerdict.Borrowing),
        ["a lender within its nominal is admitted while others borrow its quota"] = new(
            "nlp", Gpus(8), new() { ["vision"] = Gpus(12), ["speech"] = Gpus(4) }, AdmissionVerdict.WithinNominal),
        ["a team in no cohort stops at its nominal quota"] = new(
            "solo", Gpus(1), new() { ["solo"] = Gpus(4) }, AdmissionVerdict.OverQuota,
            "team solo would use 5 of its 4 nominal GPUs in pool a100 and is in no cohort to borrow from"),
        ["a team with no quota configured is not limited"] = new("guest", Gpus(32), new() { ["guest"] = Gpus(0) }, AdmissionVerdict.WithinNominal),
        ["a job larger than the pool is refused outright"] = new(
            "guest", Gpus(40), [], AdmissionVerdict.Never, "the job needs 40 GPUs but pool a100 has 32 GPUs in all; it can never run there"),
        ["a job larger than the team's nominal plus all it may borrow is refused outright"] = new(
            "vision", Gpus(13), [], AdmissionVerdict.Never,
            "the job needs 13 GPUs but team vision may never use more than 12 GPUs in pool a100 (its borrowing from cohort research included)"),
        ["a job larger than the nominal of a team in no cohort is refused outright"] = new(
            "solo", Gpus(5), [], AdmissionVerdict.Never,
            "the job needs 5 GPUs but team solo may never use more than 4 GPUs in pool a100 (it is in no cohort to borrow from)"),
        ["a memory quota is counted like GPUs"] = new(
            "mem", new(0, 0, 800), new() { ["mem"] = new(0, 0, 500) }, AdmissionVerdict.OverQuota,
            "team mem would use 1300 of its 1000 nominal MB of memory in pool a100 and is in no cohort to borrow from"),
    };

    public static TheoryData<string> Cases => [.. Table.Keys];

    [Theory, MemberData(nameof(Cases))]
    public void Quotas_admit_borrow_or_refuse_with_the_numbers(string because)
    {
        var row = Table[because];
        var usage = new QuotaLedger();
        foreach (var (team, amount) in row.Usage)
        {
            usage.Add(team, "a100", amount);
        }

        var decision = Admission.Decide(Research, usage, row.Team, "a100", row.Need, PoolCapacity);

        Assert.True(row.Verdict == decision.Verdict, $"{because}: {decision.Verdict} {decision.Reason}");
        Assert.Equal(row.Reason, decision.Reason);
        Assert.Equal(row.Verdict is AdmissionVerdict.WithinNominal or AdmissionVerdict.Borrowing, decision.Admitted);
    }
}
