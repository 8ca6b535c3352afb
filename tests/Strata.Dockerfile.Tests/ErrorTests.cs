using System.Text;
using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Tests;

/// <summary>
/// What the builder rejects is rejected with the line and the column (counted by hand in each text) and a message
/// naming them; nothing else ever escapes the parser. A real dockerd (20.10.24, classic builder) rejects the same
/// texts (unknown instruction, unknown flag, missing flag value, non-string JSON array, ONBUILD ONBUILD, bad stage
/// name, FROM with two words, no FROM, SHELL not in JSON, ENV with no value, two escape directives), bar the
/// flags newer than it (<c>--link</c>), and accepts <c>CMD [not json]</c> as shell form.
/// </summary>
public sealed class ErrorTests
{
    [Theory]
    [InlineData("FROM alpine\nFOO bar\n", 2, 1, "unknown instruction 'FOO'")]
    [InlineData("FROM alpine\nRUN cat <<EOF\nhello\n", 2, 9, "unterminated heredoc <<EOF")]
    [InlineData("FROM alpine\nCOPY <<-EOT /x\n\tbody\n  EOT\n", 2, 6, "unterminated heredoc <<EOT")]
    [InlineData("RUN echo\n", 1, 1, "RUN comes before the first FROM")]
    [InlineData("ARG A=1\n  COPY a b\nFROM x\n", 2, 3, "COPY comes before the first FROM")]
    [InlineData("ARG A\n", 1, 1, "no FROM")]
    [InlineData("FROM a\nRUN --mnt=type=cache apt-get update\n", 2, 5, "unknown flag --mnt for RUN")]
    [InlineData("FROM a\nRUN \\\n  --bogus=1 x\n", 3, 3, "unknown flag --bogus")]
    [InlineData("FROM a\nWORKDIR --foo /x\n", 2, 9, "WORKDIR takes no flags")]
    [InlineData("FROM a\nCOPY --=x a b\n", 2, 6, "has no name")]
    [InlineData("FROM a\nCOPY --link=yes a b\n", 2, 6, "takes true or false")]
    [InlineData("FROM a\nCOPY --from a b\n", 2, 6, "--from needs a value")]
    [InlineData("FROM a\nCOPY --from=x --from=y a b\n", 2, 15, "given twice")]
    [InlineData("FROM a\nRUN --mount=type=volume,target=/x true\n", 2, 5, "unknown mount type 'volume'")]
    [InlineData("# escape=`\n# escape=\\\nFROM a\n", 2, 1, "escape directive is given twice")]
    [InlineData("# escape=x\nFROM a\n", 1, 10, "invalid escape character 'x'")]
    [InlineData("FROM a\nSHELL /bin/bash -c\n", 2, 7, "SHELL needs its arguments in JSON form")]
    [InlineData("FROM a\nCMD [\"a\", 1]\n", 2, 5, "array of strings")]
    [InlineData("FROM a\nONBUILD ONBUILD RUN x\n", 2, 9, "ONBUILD is not allowed inside ONBUILD")]
    [InlineData("FROM a\nONBUILD FROM b\n", 2, 9, "FROM is not allowed inside ONBUILD")]
    [InlineData("FROM a\nONBUILD\n", 2, 1, "ONBUILD needs an instruction")]
    [InlineData("FROM a b\n", 1, 6, "FROM takes an image")]
    [InlineData("FROM a AS 1bad\n", 1, 11, "invalid stage name '1bad'")]
    [InlineData("FROM a FOR b\n", 1, 8, "expects AS")]
    [InlineData("FROM a\nENV ONLYNAME\n", 2, 5, "ENV ONLYNAME has no value")]
    [InlineData("FROM a\nENV a=1 b\n", 2, 9, "'b' has no '='")]
    [InlineData("FROM a\nLABEL =x\n", 2, 7, "no name")]
    public void Rejected_with_line_and_column(string text, int line, int column, string detail)
    {
        var error = Assert.Throws<DockerfileParseException>(() => DockerfileDocument.Parse(text, "app/Dockerfile"));
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(detail, error.Detail, StringComparison.Ordinal);
        Assert.StartsWith($"app/Dockerfile: line {line}, column {column}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_byte_order_mark_is_not_counted_as_a_column()
    {
        var error = Assert.Throws<DockerfileParseException>(() => DockerfileDocument.Parse("\uFEFFFROM a\nRUN --x=1 y\n"));
        Assert.Equal((2, 5), (error.Line, error.Column));
        Assert.Equal((1, 1), (DockerfileDocument.Parse("\uFEFFFROM a\n").Instructions[0].Line, DockerfileDocument.Parse("\uFEFFFROM a\n").Instructions[0].Column));
        Assert.Equal(1, Assert.Throws<DockerfileParseException>(() => DockerfileDocument.Parse("\uFEFFFOO a\n")).Column);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n\n")]
    [InlineData("# syntax=docker/dockerfile:1\n")]
    public void A_file_with_no_instructions_is_rejected(string text)
    {
        var error = Assert.Throws<DockerfileParseException>(() => DockerfileDocument.Parse(text));
        Assert.Contains("no instructions", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Dockerfile: line ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_is_shell_form_not_an_error()
    {
        var document = DockerfileDocument.Parse("FROM a\nRUN [\"unterminated\nCMD [\"a\",]\n");
        Assert.False(document.Instructions[1].IsExecForm);
        Assert.False(document.Instructions[2].IsExecForm);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_named_with_the_line_and_column()
    {
        var path = Path.Combine(Path.GetTempPath(), $"strata-{Guid.NewGuid():N}.Dockerfile");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("FROM a\nRUN "), 0xFF, (byte)'\n']);
        try
        {
            var error = Assert.Throws<DockerfileParseException>(() => DockerfileDocument.Load(path));
            Assert.Equal((2, 5), (error.Line, error.Column));
            Assert.StartsWith(path + ": line 2, column 5: ", error.Message, StringComparison.Ordinal);
            Assert.Contains("not UTF-8", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), $"strata-{Guid.NewGuid():N}", "Dockerfile");
        var error = Assert.Throws<DockerfileParseException>(() => DockerfileDocument.Load(path));
        Assert.StartsWith(path + ": cannot read the Dockerfile", error.Message, StringComparison.Ordinal);
    }
}
