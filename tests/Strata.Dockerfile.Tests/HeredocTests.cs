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
}
