using Strata.Vulnerabilities.Versions;

namespace Strata.Vulnerabilities.Tests.Versions;

/// <summary>Every line of the shared version vectors (osv-scalibr's, built from each ecosystem's reference tool) holds.</summary>
public sealed class VersionVectorFileTests
{
    [Theory]
    [InlineData("debian-versions.txt", "Debian")]
    [InlineData("debian-versions-generated.txt", "Debian")]
    [InlineData("semver-versions.txt", "npm")]
    [InlineData("semver-versions.txt", "crates.io")]
    [InlineData("semver-versions.txt", "Go")]
    [InlineData("nuget-versions.txt", "NuGet")]
    [InlineData("alpine-versions.txt", "Alpine")]
    [InlineData("alpine-versions-generated.txt", "Alpine")]
    [InlineData("redhat-versions.txt", "Red Hat")]
    [InlineData("pub-versions.txt", "Pub")]
    [InlineData("hackage-versions.txt", "Hackage")]
    [InlineData("cran-versions.txt", "CRAN")]
    [InlineData("cran-versions-generated.txt", "CRAN")]
    public void Every_line_of_the_file_holds_both_ways(string file, string ecosystem)
    {
        var comparer = VersionComparers.For(ecosystem);
        Assert.NotNull(comparer);
        var vectors = VersionVector.ReadFile(file);
        Assert.NotEmpty(vectors);

        var failures = new List<string>();
        foreach (var vector in vectors)
        {
            var forward = comparer.Compare(vector.Left, vector.Right);
            var backward = comparer.Compare(vector.Right, vector.Left);
            if (Math.Sign(forward) != vector.ExpectedSign)
            {
                failures.Add($"{vector}: compared {forward}");
            }
            else if (Math.Sign(backward) != -vector.ExpectedSign)
            {
                failures.Add($"{vector}: holds, but the reverse compared {backward}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {vectors.Count} lines fail:\n" + string.Join('\n', failures));
    }
}
