using Strata.Vulnerabilities.Versions;

namespace Strata.Vulnerabilities.Tests.Versions;

/// <summary>Expected orders from the Go modules reference (go.dev/ref/mod#versions, #pseudo-versions, #incompatible-versions).</summary>
public sealed class GoVersionComparerTests
{
    private readonly GoVersionComparer comparer = new();

    [Theory]
    // vX.Y.(Z+1)-0.timestamp-hash is made for a commit after vX.Y.Z: above it, below vX.Y.(Z+1) and its pre-releases.
    [InlineData("v1.2.3", "v1.2.4-0.20191109021931-daa7c04131f5")]
    [InlineData("v1.2.4-0.20191109021931-daa7c04131f5", "v1.2.4-pre")]
    [InlineData("v1.2.4-0.20191109021931-daa7c04131f5", "v1.2.4")]
    // vX.Y.Z-pre.0.timestamp-hash follows the pre-release vX.Y.Z-pre.
    [InlineData("v1.2.4-pre", "v1.2.4-pre.0.20191109021931-daa7c04131f5")]
    [InlineData("v1.2.4-pre.0.20191109021931-daa7c04131f5", "v1.2.4")]
    // vX.0.0-timestamp-hash (no known base version) orders by its timestamp, and below any release.
    [InlineData("v0.0.0-20191109021931-daa7c04131f5", "v0.0.0-20200101000000-0123456789ab")]
    [InlineData("v0.0.0-20200101000000-0123456789ab", "v0.0.1")]
    // OSV writes Go versions without the v.
    [InlineData("1.2.3", "v1.2.4-0.20191109021931-daa7c04131f5")]
    [InlineData("v2.0.0+incompatible", "v2.0.1")]
    [InlineData("v1.9.9", "v2.0.0+incompatible")]
    // The standard library as a binary reports it, against the versions the Go vulnerability database writes.
    [InlineData("go1.19.8", "1.19.9")]
    [InlineData("1.19.7", "go1.19.8")]
    [InlineData("go1.21rc2", "1.21.0")]
    [InlineData("1.21.0-rc.1", "go1.21rc2")]
    [InlineData("go1.20", "1.20.1")]
    public void Orders_the_first_below_the_second(string lower, string higher)
    {
        Assert.True(comparer.Compare(lower, higher) < 0, $"{lower} < {higher}");
        Assert.True(comparer.Compare(higher, lower) > 0, $"{higher} > {lower}");
    }

    [Theory]
    [InlineData("v2.0.0+incompatible", "v2.0.0")]
    [InlineData("2.0.0+incompatible", "v2.0.0")]
    [InlineData("go1.19.8", "1.19.8")]
    [InlineData("go1.20", "1.20.0")]
    [InlineData("go1.21rc2", "1.21.0-rc.2")]
    [InlineData("go1.9beta2", "1.9.0-beta.2")]
    [InlineData("go1.21.5 X:boringcrypto", "1.21.5")]
    [InlineData("v1", "v1.0.0")]
    [InlineData("v1.2", "v1.2.0")]
    public void Orders_as_equal(string a, string b)
    {
        Assert.Equal(0, comparer.Compare(a, b));
        Assert.Equal(0, comparer.Compare(b, a));
    }

    [Theory]
    [InlineData("v1.2.3", true)]
    [InlineData("1.2.3", true)]
    [InlineData("0", true)]
    [InlineData("v1.2", true)]
    [InlineData("v1.2.4-0.20191109021931-daa7c04131f5", true)]
    [InlineData("v2.0.0+incompatible", true)]
    [InlineData("go1.19.8", true)]
    [InlineData("go1.21rc2", true)]
    [InlineData("", false)]
    [InlineData("v", false)]
    [InlineData("latest", false)]
    [InlineData("v01.2.3", false)]
    [InlineData("v1.2.3-01", false)]
    [InlineData("v1.2-pre", false)]
    [InlineData("v1.2.3-", false)]
    [InlineData("v1.2.3.4", false)]
    [InlineData("v1.2.3-be$ta", false)]
    public void Knows_a_Go_module_version(string version, bool valid) => Assert.Equal(valid, comparer.IsValid(version));
}
