using Strata.TestKit;

namespace Strata.Vulnerabilities.Tests.Versions;

/// <summary>One line <c>a &lt; b</c>, <c>a = b</c> or <c>a &gt; b</c> of a shared version vector file.</summary>
internal sealed record VersionVector(string File, int Line, string Left, char Operator, string Right)
{
    public int ExpectedSign => Operator switch { '<' => -1, '>' => 1, _ => 0 };

    public override string ToString() => $"{File}:{Line}: {Left} {Operator} {Right}";

    /// <summary>Every vector of a file in ../shared/fixtures/versions; blank lines and # or // comments are skipped.</summary>
    public static IReadOnlyList<VersionVector> ReadFile(string name)
    {
        var vectors = new List<VersionVector>();
        var lines = System.IO.File.ReadAllLines(Path.Combine(Fixtures.Shared, "versions", name));
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || parts[1] is not ("<" or "=" or ">"))
            {
                throw new FormatException($"{name}:{i + 1}: not a version vector: {line}");
            }
            vectors.Add(new VersionVector(name, i + 1, parts[0], parts[1][0], parts[2]));
        }
        return vectors;
    }
}
