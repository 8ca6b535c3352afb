using FsCheck;
using FsCheck.Fluent;
using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Tests;

/// <summary>
/// Generated Dockerfiles round-trip exactly and read as their pieces say; random fragments either parse (and
/// round-trip) or fail with a <see cref="DockerfileParseException"/> at a real position, never anything else.
/// </summary>
public sealed class PropertyTests
{
    [Fact]
    public void Generated_dockerfiles_round_trip_and_read_as_built()
    {
        var property = Prop.ForAll(GeneratedDockerfile.Generator().ToArbitrary(), ReadsAsBuilt);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1500), property);
    }

    [Fact]
    public void Random_fragments_parse_or_fail_with_a_position()
    {
        string[] fragments =
        [
            "FROM a", "RUN ", "run", " ", "\t", "\n", "\r\n", "\r", "\\", "`", "\\\n", "#", "# escape=`\n", "# syntax=x\n",
            "<<EOF", "<<-EOF", "EOF", "\tEOF\n", "'", "\"", "[", "]", "\"a\",", "--mount=type=cache,target=/x ", "--link ",
            "--from=", "--", "=", "$", "${", "}", ":-", "ARG ", "ENV ", "ONBUILD ", "COPY ", "AS ", "x", "\uFEFF", "&&", "é",
        ];
        var text = Gen.Elements(fragments).ListOf().Select(l => string.Concat(l.Take(40))).ToArbitrary();
        var property = Prop.ForAll(text, ParsesOrFailsWithAPosition);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(4000), property);
    }

    private static bool ReadsAsBuilt(GeneratedDockerfile generated)
    {
        var document = DockerfileDocument.Parse(generated.Text);
        Corpus.AssertLossless(generated.Text, document);
        Assert.Equal(generated.Escape, document.EscapeCharacter);
        Assert.Equal(generated.Instructions.Count, document.Instructions.Count);
        foreach (var (expected, actual) in generated.Instructions.Zip(document.Instructions))
        {
            Assert.Equal(expected.Keyword, actual.Keyword);
            Assert.Equal(expected.Line, actual.Line);
            Assert.Equal(expected.Arguments.TrimEnd(), actual.Arguments);
            Assert.Equal(expected.Heredocs, actual.Heredocs.Select(h => h.Body));
            Assert.Equal(expected.Keyword, actual.KeywordSpan.Of(generated.Text).ToUpperInvariant());
            foreach (var word in actual.Words)
            {
                // A word's span runs from its first to its last character in the original, continuations between.
                var original = word.Span.Of(generated.Text);
                Assert.Equal((word.Text[0], word.Text[^1]), (original[0], original[^1]));
                Assert.True(original.Length >= word.Text.Length);
            }
            Assert.Equal(expected.Arguments.TrimEnd(), StripContinuations(actual.ArgumentsSpan.Of(generated.Text), generated.Escape));
        }
        return true;
    }

    /// <summary>The original text of a span with its continuations taken out the builder's way: the escape
    /// character, trailing blanks and line break, and the comment and blank lines after it.</summary>
    private static string StripContinuations(string original, char escape)
    {
        var lines = original.Split('\n');
        var result = new System.Text.StringBuilder();
        var continuing = false;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (continuing && (line.TrimStart().StartsWith('#') || line.Trim().Length == 0))
            {
                continue;
            }
            var trimmed = line.TrimEnd(' ', '\t');
            continuing = trimmed.EndsWith(escape);
            result.Append(continuing ? trimmed[..^1] : line);
        }
        return result.ToString();
    }

    private static bool ParsesOrFailsWithAPosition(string text)
    {
        try
        {
            var document = DockerfileDocument.Parse(text);
            Corpus.AssertLossless(text, document);
        }
        catch (DockerfileParseException error)
        {
            var lines = text.Count(c => c == '\n') + 1;
            Assert.InRange(error.Line, 1, lines);
            Assert.True(error.Column >= 1);
            Assert.Contains($"line {error.Line}, column {error.Column}: ", error.Message, StringComparison.Ordinal);
        }
        return true;
    }
}
