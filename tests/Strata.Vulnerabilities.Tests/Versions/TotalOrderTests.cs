using Strata.Vulnerabilities.Versions;

namespace Strata.Vulnerabilities.Tests.Versions;

/// <summary>
/// Each comparer orders any strings at all, malformed ones included, without throwing and as a total order
/// (reflexive, antisymmetric, transitive), so that a bad advisory cannot break matching or sorting.
/// </summary>
public sealed class TotalOrderTests
{
    private static readonly string?[] Hostile =
    [
        null, "", " ", ":", "-", "+", "~", "^", "_", ".", "..", "v", "go", "0", "00", "1", "1.0", "1.0.0", "v1.0.0",
        "1:", ":1", "1:1", "a:1", "1-", "-1", "1--1", "1.0~rc1", "1.0^git1", "1.0-r1", "1.0_rc1", "1.0_p1", "1.0a",
        "1.0-alpha", "1.0-ALPHA", "1.0+meta", "1.0.0.0.0.0", "1..0", "1.0-a..b", "99999999999999999999999999999",
        "1.2.3-0.1", "1.2.3-00", "go1.21rc2", "1.1.α", "x", "latest", "1 0", "\0", "1.0\n", "%%", "[1.0,2.0)",
        "1.0_rc1-r2", "1.0_p1_rc", "1.0-r-1", "1.0--x", "1.0.r1", "1.0r1", "1.0~ab", "1.0~ab-r1", "1.02", "1.1", "1.00",
        "1.0_blah", "1.0_blah2", "1-r0-x", "0.0.0-20191109021931-daa7c04131f5", "1.0.0-beta.2", "1.0.0-BETA.11", "2:1.0",
        "1.0^", "1.0~", "1.0^~", "1-", "+2-:1", "1.m+e2:1", "1.0-1.el9", "1:1.0-1.el9", "1.0.0+1", "1.0.0+a.1",
        "1.0.0-a+b", "0.1-0", "0.01.0", "1.0-", "1.0.-1",
    ];

    public static TheoryData<string, string> EcosystemsAndVectorFiles => new()
    {
        { "Debian", "debian-versions.txt" },
        { "npm", "semver-versions.txt" },
        { "Go", "semver-versions.txt" },
        { "NuGet", "nuget-versions.txt" },
        { "Alpine", "alpine-versions.txt" },
        { "Red Hat", "redhat-versions.txt" },
        { "Pub", "pub-versions.txt" },
        { "Hackage", "hackage-versions.txt" },
        { "CRAN", "cran-versions.txt" },
    };

    /// <summary>Hostile strings, and every version the ecosystem's hand-written vector file names, form one total order.</summary>
    [Theory]
    [MemberData(nameof(EcosystemsAndVectorFiles))]
    public void Any_strings_compare_as_a_total_order(string ecosystem, string vectorFile)
    {
        var comparer = VersionComparers.For(ecosystem)!;
        var inputs = Hostile
            .Concat(VersionVector.ReadFile(vectorFile).SelectMany(v => new[] { v.Left, v.Right }))
            .Distinct()
            .ToArray();
        var sign = new int[inputs.Length, inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            for (var j = 0; j < inputs.Length; j++)
            {
                sign[i, j] = Math.Sign(comparer.Compare(inputs[i], inputs[j]));
            }
            _ = inputs[i] is { } text && comparer.IsValid(text);
        }
        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.True(sign[i, i] == 0, $"'{inputs[i]}' is not equal to itself");
            for (var j = 0; j < inputs.Length; j++)
            {
                if (sign[i, j] != -sign[j, i])
                {
                    Assert.Fail($"'{inputs[i]}' vs '{inputs[j]}' is not antisymmetric");
                }
                for (var k = 0; k < inputs.Length; k++)
                {
                    if (sign[i, j] <= 0 && sign[j, k] <= 0 && sign[i, k] > 0)
                    {
                        Assert.Fail($"'{inputs[i]}' <= '{inputs[j]}' <= '{inputs[k]}' but not '{inputs[i]}' <= '{inputs[k]}'");
                    }
                }
            }
        }
    }
}
