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
        }
        return true;
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
