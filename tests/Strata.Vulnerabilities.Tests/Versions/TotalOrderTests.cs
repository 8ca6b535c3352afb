using Strata.Vulnerabilities.Versions;

namespace Strata.Vulnerabilities.Tests.Versions;

/// <summary>
/// Each comparer orders any strings at all, malformed ones included, without throwing and as a total order
/// (reflexive, antisymmetric, transitive), so that a bad advisory cannot break matching or sorting.
/// </summary>
public sealed class TotalOrderTests
{
    private static readonly string?[] Inputs =
    [
        null, "", " ", ":", "-", "+", "~", "^", "_", ".", "..", "v", "go", "0", "00", "1", "1.0", "1.0.0", "v1.0.0",
        "1:", ":1", "1:1", "a:1", "1-", "-1", "1--1", "1.0~rc1", "1.0^git1", "1.0-r1", "1.0_rc1", "1.0_p1", "1.0a",
        "1.0-alpha", "1.0-ALPHA", "1.0+meta", "1.0.0.0.0.0", "1..0", "1.0-a..b", "99999999999999999999999999999",
        "1.2.3-0.1", "1.2.3-00", "go1.21rc2", "1.1.α", "x", "latest", "1 0", "\0", "1.0\n", "%%", "[1.0,2.0)",
        "1.0_rc1-r2", "1.0_p1_rc", "1.0-r-1", "1.0--x", "1.0.r1", "1.0r1", "1.0~ab", "1.0~ab-r1", "1.02", "1.1", "1.00",
        "1.0_blah", "1.0_blah2", "1-r0-x", "0.0.0-20191109021931-daa7c04131f5", "1.0.0-beta.2", "1.0.0-BETA.11", "2:1.0", "1.0^", "1.0~", "1.0^~", "1-", "+2-:1", "1.m+e2:1", "1.0-1.el9", "1:1.0-1.el9",
    ];

    public static TheoryData<string> Ecosystems => ["Debian", "npm", "Go", "NuGet", "Alpine", "Red Hat"];

    [Theory]
    [MemberData(nameof(Ecosystems))]
    public void Any_strings_compare_as_a_total_order(string ecosystem)
    {
        var comparer = VersionComparers.For(ecosystem)!;
        var sign = new int[Inputs.Length, Inputs.Length];
        for (var i = 0; i < Inputs.Length; i++)
        {
            for (var j = 0; j < Inputs.Length; j++)
            {
                sign[i, j] = Math.Sign(comparer.Compare(Inputs[i], Inputs[j]));
            }
            _ = Inputs[i] is { } text && comparer.IsValid(text);
        }
        for (var i = 0; i < Inputs.Length; i++)
        {
            Assert.True(sign[i, i] == 0, $"'{Inputs[i]}' is not equal to itself");
            for (var j = 0; j < Inputs.Length; j++)
            {
                Assert.True(sign[i, j] == -sign[j, i], $"'{Inputs[i]}' vs '{Inputs[j]}' is not antisymmetric");
                for (var k = 0; k < Inputs.Length; k++)
                {
                    var transitive = !(sign[i, j] <= 0 && sign[j, k] <= 0) || sign[i, k] <= 0;
                    Assert.True(transitive, $"'{Inputs[i]}' <= '{Inputs[j]}' <= '{Inputs[k]}' but not '{Inputs[i]}' <= '{Inputs[k]}'");
                }
            }
        }
    }
}
