using FsCheck;
using FsCheck.Fluent;
using Strata.Vulnerabilities.Versions;

namespace Strata.Vulnerabilities.Tests.Versions;

/// <summary>
/// Random version-like strings, built from the characters every ecosystem gives a meaning to, keep each comparer
/// a total order: antisymmetric and transitive.
/// </summary>
public sealed class OrderingProperties
{
    private const string Alphabet = "0123456789.-_~^+:abprvABR";

    private static readonly string[] Ecosystems = ["Debian", "npm", "Go", "NuGet", "Alpine", "Red Hat", "Pub", "Hackage", "CRAN"];

    [Fact]
    public void Comparing_is_antisymmetric_and_transitive()
    {
        var versionLike = Gen.Elements(Alphabet.ToCharArray()).ListOf().Select(chars => new string([.. chars])).ToArbitrary();
        var property = Prop.ForAll(versionLike, versionLike, versionLike, IsTotalOrderOn);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), property);
    }

    private static bool IsTotalOrderOn(string a, string b, string c)
    {
        foreach (var ecosystem in Ecosystems)
        {
            var comparer = VersionComparers.For(ecosystem)!;
            var ab = Math.Sign(comparer.Compare(a, b));
            var bc = Math.Sign(comparer.Compare(b, c));
            var ac = Math.Sign(comparer.Compare(a, c));
            if (ab != -Math.Sign(comparer.Compare(b, a)) || (ab <= 0 && bc <= 0 && ac > 0) || (ab >= 0 && bc >= 0 && ac < 0))
            {
                return false;
            }
        }
        return true;
    }
}
