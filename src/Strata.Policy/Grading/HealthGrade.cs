using Strata.Policy.Policies;
using Strata.Policy.Policies.Builtin;

namespace Strata.Policy.Grading;

/// <summary>
/// The health grade: 100 points, less each failed policy's weight; the score's band is the letter, and some
/// failures cap the letter whatever the score (a notorious vulnerability is an F, a leaked secret at best a D).
/// A passed or skipped policy costs nothing. The README's table is this one; change both together.
/// </summary>
public sealed record HealthGrade(int Score, string Letter)
{
    /// <summary>Points a failure costs, and the best letter it allows (null: no cap).</summary>
    public static readonly IReadOnlyDictionary<string, (int Weight, char? Cap)> Weights = new Dictionary<string, (int, char?)>(StringComparer.Ordinal)
    {
        [NoHighProfileVulnerabilitiesPolicy.PolicyName] = (40, 'F'),
        [NoSecretsPolicy.PolicyName] = (30, 'D'),
        [NoFixableVulnerabilitiesPolicy.PolicyName] = (25, 'C'),
        [NoKnownVulnerabilitiesPolicy.PolicyName] = (15, null),
        [NonRootUserPolicy.PolicyName] = (15, null),
        [ApprovedBaseImagesPolicy.PolicyName] = (10, null),
        [DeniedLicensesPolicy.PolicyName] = (10, null),
        [MaxImageSizePolicy.PolicyName] = (10, null),
        [BaseImageUpToDatePolicy.PolicyName] = (5, null),
        [MinEfficiencyPolicy.PolicyName] = (5, null),
        [MaxDeadBytesPolicy.PolicyName] = (5, null),
    };

    /// <summary>The lowest score of each letter, best first; below the last is F.</summary>
    public static readonly IReadOnlyList<(char Letter, int Minimum)> Bands = [('A', 90), ('B', 75), ('C', 60), ('D', 40)];

    public static HealthGrade Of(IEnumerable<PolicyResult> results)
    {
        var failed = results.Where(r => r.Status == PolicyStatus.Fail).Select(r => r.Name).Distinct(StringComparer.Ordinal).ToList();
        var score = Math.Max(0, 100 - failed.Sum(name => Weights.TryGetValue(name, out var w) ? w.Weight : 0));
        var letter = Bands.FirstOrDefault(b => score >= b.Minimum).Letter is var band and not '\0' ? band : 'F';
        foreach (var name in failed)
        {
            if (Weights.TryGetValue(name, out var w) && w.Cap is { } cap && cap > letter)
            {
                letter = cap;
            }
        }
        return new HealthGrade(score, letter.ToString());
    }
}
