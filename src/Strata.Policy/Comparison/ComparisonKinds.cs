using Strata.Images;

namespace Strata.Policy.Comparison;

/// <summary>
/// The kinds <c>--exit-on</c> names, and when each got worse from the first image to the second:
/// <list type="bullet">
/// <item><c>size</c>: the compressed or the uncompressed size grew;</item>
/// <item><c>package</c>: a package was added or downgraded (removals and upgrades are not worse);</item>
/// <item><c>vulnerability</c>: a vulnerability was introduced (needs a database);</item>
/// <item><c>policy</c>: a policy now fails that did not, or the grade dropped.</item>
/// </list>
/// </summary>
public static class ComparisonKinds
{
    public const string Size = "size";
    public const string Package = "package";
    public const string Vulnerability = "vulnerability";
    public const string Policy = "policy";

    public static readonly IReadOnlyList<string> All = [Size, Package, Vulnerability, Policy];

    /// <summary>A comma-separated list of kinds; an unknown one is an error naming <paramref name="option"/> and the kind.</summary>
    public static IReadOnlyList<string> Parse(string text, string option)
    {
        var kinds = new List<string>();
        foreach (var word in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!All.Contains(word, StringComparer.Ordinal))
            {
                throw new StrataException($"{option}: '{word}' is not one of {string.Join(", ", All)}");
            }
            if (!kinds.Contains(word, StringComparer.Ordinal))
            {
                kinds.Add(word);
            }
        }
        return kinds;
    }

    public static bool GotWorse(ImageComparison comparison, string kind) => kind switch
    {
        Size => comparison.Sizes.Grew,
        Package => comparison.Packages.Added.Count > 0 || comparison.Packages.Downgraded.Count > 0,
        Vulnerability => comparison.Vulnerabilities is { Introduced.Count: > 0 },
        Policy => comparison.Policies.NewlyFailing.Any() || comparison.Policies.GradeDropped,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a comparison kind"),
    };
}
