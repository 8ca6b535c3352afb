using Strata.Dockerfile.Syntax;
using Strata.TestKit;

namespace Strata.Dockerfile.Tests;

/// <summary>The committed corpus of tricky Dockerfiles (byte-exact: see Corpus/.gitattributes) and the shared ones.</summary>
internal static class Corpus
{
    public static string Directory { get; } = Path.Combine(Fixtures.RepositoryRoot, "tests", "Strata.Dockerfile.Tests", "Corpus");

    public static string Text(string name) => File.ReadAllText(Path.Combine(Directory, name));

    public static DockerfileDocument Load(string name) => DockerfileDocument.Load(Path.Combine(Directory, name));

    public static IEnumerable<string> Files() => System.IO.Directory.EnumerateFiles(Directory, "*.Dockerfile").Order(StringComparer.Ordinal);

    /// <summary>Every Dockerfile under ../shared: files named Dockerfile* or *.Dockerfile.</summary>
    public static IEnumerable<string> SharedFiles() =>
        System.IO.Directory.EnumerateFiles(Path.GetDirectoryName(Fixtures.Shared)!, "*", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(path).StartsWith("Dockerfile", StringComparison.OrdinalIgnoreCase)
                || path.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    /// <summary>Asserts the document spells <paramref name="text"/> exactly, token by token: every token's text is
    /// the original at its span, and each starts where the previous one ended.</summary>
    public static void AssertLossless(string text, DockerfileDocument document)
    {
        Assert.Equal(text, document.ToString());
        Assert.Equal(text, document.Text);
        var position = 0;
        foreach (var token in document.Tokens)
        {
            Assert.Equal(position, token.Span.Offset);
            Assert.Equal(token.Span.Of(text), token.Text);
            Assert.True(token.Text.Length > 0, $"empty {token.Kind} token at {position}");
            position = token.Span.End;
        }
        Assert.Equal(text.Length, position);
    }
}
