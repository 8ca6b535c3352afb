using Strata.Vulnerabilities.Versions;

namespace Strata.Vulnerabilities.Tests.Versions;

/// <summary>Malformed advisory versions must still get a stable place: no exception, no crash, a consistent answer.</summary>
public sealed class LanguageComparerRobustnessTests
{
    private static readonly string[] Hostile =
    [
        "", " ", "-", ".", "..", "...", "#", "+", "!", "v", "V", "\0", "1.", ".1", "1-", "-1", "1..2", "1--2", "1!", "!1",
        "1+", "+1", "1.0+", "1.0-", "1.0.#", "#.1", "١٢٣", "1.٢", "😀", "1.😀", "\uD800", "a b", "1.0\n", "dev", "DEV",
        "1.0-SNAPSHOT", "99999999999999999999999999999999999999", "0000000000", "0.0.0", "1.0.0", "1.0.0-rc1", "1.0a1",
    ];

    public static TheoryData<string> Ecosystems => ["PyPI", "Maven", "RubyGems", "Packagist"];

    [Theory]
    [MemberData(nameof(Ecosystems))]
    public void Gives_every_pair_of_hostile_strings_a_consistent_order(string ecosystem)
    {
        var comparer = VersionComparers.For(ecosystem)!;
        var wrong = new List<string>();
        foreach (var a in Hostile)
        {
            _ = comparer.IsValid(a);
            if (comparer.Compare(a, a) != 0)
            {
                wrong.Add($"'{a}' is not equal to itself");
            }
            foreach (var b in Hostile)
            {
                if (Math.Sign(comparer.Compare(a, b)) != -Math.Sign(comparer.Compare(b, a)))
                {
                    wrong.Add($"'{a}' and '{b}' compare the same way round both ways");
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Theory]
    [MemberData(nameof(Ecosystems))]
    public void Orders_very_long_versions_consistently(string ecosystem)
    {
        var comparer = VersionComparers.For(ecosystem)!;
        var hyphens = string.Join('-', Enumerable.Repeat("1", 20_000));
        var mixed = string.Concat(Enumerable.Repeat("1a", 20_000));
        var longer = hyphens + "-1";
        Assert.NotEqual(0, comparer.Compare(hyphens, longer));
        Assert.Equal(-Math.Sign(comparer.Compare(hyphens, longer)), Math.Sign(comparer.Compare(longer, hyphens)));
        Assert.Equal(0, comparer.Compare(mixed, mixed));
        Assert.Equal(-Math.Sign(comparer.Compare(mixed, "1")), Math.Sign(comparer.Compare("1", mixed)));
    }
}
