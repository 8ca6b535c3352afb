namespace Strata.Policy.Policies;

/// <summary>Every policy's verdict on one image and the health grade, "A" to "F", they add up to.</summary>
public sealed record PolicyReport(IReadOnlyList<PolicyResult> Policies, string Grade)
{
    public bool Failed => Policies.Any(p => p.Status == PolicyStatus.Fail);

    /// <summary>The score behind the grade, 0 to 100 (see <see cref="Grading.HealthGrade"/>).</summary>
    public int Score { get; init; } = 100;
}
