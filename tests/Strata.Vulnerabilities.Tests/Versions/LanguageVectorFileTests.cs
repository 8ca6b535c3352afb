using Strata.TestKit;
using Strata.Vulnerabilities.Versions;

namespace Strata.Vulnerabilities.Tests.Versions;

/// <summary>
/// Every line of the shared version-ordering vectors for PyPI, Maven, RubyGems and Packagist. The vectors were
/// produced by each ecosystem's own implementation (packaging, maven-artifact, Gem::Version, PHP's version_compare),
/// so they are an independent source of the expected order.
/// </summary>
public sealed class LanguageVectorFileTests
{
    [Theory]
    [InlineData("PyPI", "pypi-versions.txt")]
    [InlineData("PyPI", "pypi-versions-generated.txt")]
    [InlineData("Maven", "maven-versions.txt")]
    [InlineData("Maven", "maven-versions-generated.txt")]
    [InlineData("RubyGems", "rubygems-versions.txt")]
    [InlineData("RubyGems", "rubygems-versions-generated.txt")]
    [InlineData("Packagist", "packagist-versions.txt")]
    [InlineData("Packagist", "packagist-versions-generated.txt")]
    public void Every_vector_line_holds_in_both_directions(string ecosystem, string file)
    {
        var comparer = VersionComparers.For(ecosystem);
        Assert.NotNull(comparer);
        var path = Path.Combine(Fixtures.Shared, "versions", file);
        var lines = File.ReadAllLines(path);
        var failures = new List<string>();
        var checkedLines = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }
            var where = $"{file}:{i + 1}: {line}";
            var pieces = line.Split(' ');
            if (pieces.Length != 3 || Expected(pieces[1]) is not int expected)
            {
                failures.Add($"{where}: not of the form 'a < b', 'a = b' or 'a > b'");
                continue;
            }
            checkedLines++;
            var forward = Math.Sign(comparer.Compare(pieces[0], pieces[2]));
            var backward = Math.Sign(comparer.Compare(pieces[2], pieces[0]));
            if (forward != expected)
            {
                failures.Add($"{where}: compared {Symbol(forward)}");
            }
            else if (backward != -expected)
            {
                failures.Add($"{where}: not antisymmetric, reversed it compared {Symbol(backward)}");
            }
        }
        Assert.True(checkedLines > 0, $"{file} has no vector lines");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedLines} lines failed:\n" + string.Join('\n', failures.Take(60)));
    }

    private static int? Expected(string op) => op switch
    {
        "<" => -1,
        "=" => 0,
        ">" => 1,
        _ => null,
    };

    private static string Symbol(int sign) => sign switch
    {
        < 0 => "<",
        0 => "=",
        _ => ">",
    };
}
