namespace Platform.Core.Scheduling.Policy;

/// <summary>What <see cref="Admission.Decide"/> decided.</summary>
/// <param name="Verdict">Whether, and how, the quotas admit the job.</param>
/// <param name="Reason">Why not, naming the resource, the quota and the numbers; null when admitted.</param>
public sealed record AdmissionDecision(AdmissionVerdict Verdict, string? Reason)
{
    /// <summary>True when the quotas let the job run now.</summary>
    public bool Admitted => Verdict is AdmissionVerdict.WithinNominal or AdmissionVerdict.Borrowing;
}
