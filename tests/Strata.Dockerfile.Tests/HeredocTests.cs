using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Tests;

/// <summary>When a heredoc opens and where it ends, per the reference's "Here-Documents" section.</summary>
public sealed class HeredocTests
{
    [Fact]
    public void A_quoted_marker_or_exec_form_or_another_instruction_opens_no_heredoc()
    {
        var document = DockerfileDocument.Parse("FROM a\nRUN echo '<<EOF'\nRUN [\"cat\", \"<<EOF\"]\nWORKDIR <<EOF\nUSER app\n");
        Assert.Equal(["FROM", "RUN", "RUN", "WORKDIR", "USER"], document.Instructions.Select(i => i.Keyword));
        Assert.All(document.Instructions, i => Assert.Empty(i.Heredocs));
    }

    [Fact]
    public void Only_the_exact_delimiter_ends_a_heredoc()
    {
        var heredoc = Assert.Single(DockerfileDocument.Parse("FROM a\nRUN <<EOF cat\nbody\n  EOF\nEOF \nEOF\nUSER x\n").Instructions[1].Heredocs);
        Assert.Equal("body\n  EOF\nEOF \n", heredoc.Body);
        Assert.Equal(6, DockerfileDocument.Parse("FROM a\nRUN <<EOF cat\nbody\n  EOF\nEOF \nEOF\nUSER x\n").Instructions[1].EndLine);
    }

    [Fact]
    public void A_dash_strips_leading_tabs_from_the_body_and_the_delimiter()
    {
        var heredoc = Assert.Single(DockerfileDocument.Parse("FROM a\nRUN <<-EOF sh\n\techo a\n\t\techo b\n  spaces stay\n\t\tEOF\n").Instructions[1].Heredocs);
        Assert.True(heredoc.Chomp);
        Assert.Equal("\techo a\n\t\techo b\n  spaces stay\n", heredoc.Body);
        Assert.Equal("echo a\necho b\n  spaces stay\n", heredoc.Content);
    }

    [Fact]
    public void A_double_quoted_delimiter_turns_expansion_off()
    {
        var heredoc = Assert.Single(DockerfileDocument.Parse("FROM a\nCOPY <<\"END\" /x\n$HOME\nEND\n").Instructions[1].Heredocs);
        Assert.Equal(("END", false, "$HOME\n"), (heredoc.Name, heredoc.Expand, heredoc.Body));
    }

    [Fact]
    public void A_run_heredoc_splits_into_commands_at_line_breaks()
    {
        const string text = "FROM a\nRUN <<EOF\napt-get update\napt-get install -y x\nEOF\n";
        var document = DockerfileDocument.Parse(text);
        var heredoc = Assert.Single(document.Instructions[1].Heredocs);
        Assert.Equal(["apt-get", "update", "\n", "apt-get", "install", "-y", "x", "\n"], heredoc.Words.Select(w => w.Text));
        var install = heredoc.Words.Single(w => w.Text == "install");
        Assert.Equal((4, 9), document.PositionOf(install.Span.Offset));
        Assert.Equal("install", install.Span.Of(text));
        Assert.Equal(3, heredoc.BodyLine);
    }

    [Fact]
    public void A_copy_heredoc_body_is_content_not_words()
    {
        var heredoc = Assert.Single(DockerfileDocument.Parse("FROM a\nCOPY <<EOF /x\nrm -rf /\nEOF\n").Instructions[1].Heredocs);
        Assert.Empty(heredoc.Words);
    }

    [Fact]
    public void Heredoc_names_are_read_as_buildkit_reads_them()
    {
        // The shapes of BuildKit's own heredoc parser tests (frontend/dockerfile/parser/parser_heredoc_test.go).
        const string text = "FROM alpine\n"
            + "RUN 3<<EMPTY2\nEMPTY2\n"
            + "RUN \"<<NOHEREDOC\"\n"
            + "COPY <<X <<Y /dest\nY\nX\nX\nY\n"
            + "COPY <<file.txt /dest\nhello world\nfile.txt\n"
            + "RUN <<eo'f'\necho foo\neof\n"
            + "RUN <<eo\\'f\necho foo\neo'f\n"
            + "RUN <<'e'o\\'f\necho foo\neo'f\n"
            + "RUN <<'one two'\necho bar\none two\n"
            + "RUN <<$EOF\n$EOF\n"
            + "RUN <<  EOF  > foo\nEOF\n"
            + "RUN << -EOF\n-EOF\n";
        var heredocs = DockerfileDocument.Parse(text).Instructions.Skip(1).Select(i => i.Heredocs.Select(h => (h.Name, h.Expand, h.Body)).ToList()).ToList();
        Assert.Equal(
            [
                [("EMPTY2", true, "")],
                [],
                [("X", true, "Y\n"), ("Y", true, "X\n")],
                [("file.txt", true, "hello world\n")],
                [("eof", false, "echo foo\n")],
                [("eo'f", true, "echo foo\n")],
                [("eo'f", false, "echo foo\n")],
                [("one two", false, "echo bar\n")],
                [("$EOF", true, "")],
                [("EOF", true, "")],
                [("-EOF", true, "")],
            ],
            heredocs);
        Assert.Equal(3, DockerfileDocument.Parse(text).Instructions[1].Heredocs[0].FileDescriptor);
    }

    [Fact]
    public void A_heredoc_name_with_an_open_quote_is_an_error()
    {
        var error = Assert.Throws<DockerfileParseException>(() => DockerfileDocument.Parse("FROM a\nRUN cat <<'EOF\nEOF\n"));
        Assert.Equal((2, 9), (error.Line, error.Column));
    }
}
