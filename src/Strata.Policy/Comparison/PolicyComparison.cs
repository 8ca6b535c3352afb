using Strata.Policy.Policies;

namespace Strata.Policy.Comparison;

/// <summary>A policy whose verdict differs between the images; null on the side that did not judge it.</summary>
public sealed record PolicyChange(string Name, PolicyStatus? Before, PolicyStatus? After, string Reason);

/// <summary>
/// The same policy set's verdicts on both images: the policies whose status changed (in the second report's order,
/// then those only the first has, with the reason of the newer verdict) and both health grades.
/// </summary>
public sealed record PolicyComparison(IReadOnlyList<PolicyChange> Changed, string GradeBefore, string GradeAfter)
{
    public static PolicyComparison Of(PolicyReport before, PolicyReport after)
    {
        var was = before.Policies.DistinctBy(p => p.Name).ToList();
        var now = after.Policies.DistinctBy(p => p.Name).ToList();
        var wasByName = was.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var nowNames = now.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var changed = new List<PolicyChange>();
        foreach (var result in now)
        {
            var previous = wasByName.GetValueOrDefault(result.Name);
            if (previous?.Status != result.Status)
            {
                changed.Add(new PolicyChange(result.Name, previous?.Status, result.Status, result.Reason));
            }
        }
        changed.AddRange(was.Where(p => !nowNames.Contains(p.Name)).Select(p => new PolicyChange(p.Name, p.Status, null, p.Reason)));
        return new PolicyComparison(changed, before.Grade, after.Grade);
    }

    /// <summary>The policies that fail on the second image and did not on the first.</summary>
    public IEnumerable<PolicyChange> NewlyFailing => Changed.Where(c => c.After == PolicyStatus.Fail);

    /// <summary>The grade is worse: "A" is best and "F" worst, so a later letter is a drop.</summary>
    public bool GradeDropped => string.CompareOrdinal(GradeAfter, GradeBefore) > 0;
}
