using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Tests;

/// <summary>Shell words and their spans, split as a POSIX shell tokenizes (quotes, escapes, operators).</summary>
public sealed class WordTests
{
    [Fact]
    public void A_run_line_splits_at_operators_and_keeps_quoted_and_substituted_text_whole()
    {
        const string text = "FROM a\nRUN apt-get install -y curl&&rm -rf /x||true; echo \"a b\" 'c d' e\\ f $(date +%s) ${X:-a b} 2>&1 >/dev/null|tee x\n";
        var run = DockerfileDocument.Parse(text).Instructions[1];
        Assert.Equal(
            ["apt-get", "install", "-y", "curl", "&&", "rm", "-rf", "/x", "||", "true", ";", "echo", "\"a b\"", "'c d'", "e\\ f", "$(date +%s)", "${X:-a b}", "2>&1", ">/dev/null", "|", "tee", "x"],
            run.Words.Select(w => w.Text));
        Assert.Equal(["a b", "c d", "e f"], run.Words.Skip(12).Take(3).Select(w => w.Value));
        Assert.Equal([4, 8, 10, 19], run.Words.Select((w, i) => (w, i)).Where(p => p.w.IsOperator).Select(p => p.i));
        Assert.All(run.Words, w => Assert.Equal(w.Text, w.Span.Of(text)));
    }

    [Fact]
    public void A_shell_comment_ends_the_words_of_a_run()
    {
        var run = DockerfileDocument.Parse("FROM a\nRUN echo hi # not an argument\n").Instructions[1];
        Assert.Equal(["echo", "hi"], run.Words.Select(w => w.Text));
        // Docker keeps it in the command line; only the shell drops it.
        Assert.Equal("echo hi # not an argument", run.Arguments);
    }

    [Fact]
    public void Other_instructions_split_only_at_white_space()
    {
        var copy = DockerfileDocument.Parse("FROM a\nCOPY a;b c&d /dst/\n").Instructions[1];
        Assert.Equal(["a;b", "c&d", "/dst/"], copy.Words.Select(w => w.Text));
        Assert.DoesNotContain(copy.Words, w => w.IsOperator);
    }

    [Fact]
    public void A_word_split_by_a_continuation_spans_both_lines()
    {
        const string text = "FROM a\nRUN echo ab\\\ncd\n";
        var run = DockerfileDocument.Parse(text).Instructions[1];
        var word = run.Words[1];
        Assert.Equal(("abcd", "ab\\\ncd"), (word.Text, word.Span.Of(text)));
    }

    [Fact]
    public void Split_works_on_any_text_with_an_offset()
    {
        var words = ShellWords.Split("a && b\nc", 100, '\\', operators: true);
        Assert.Equal(["a", "&&", "b", "\n", "c"], words.Select(w => w.Text));
        Assert.Equal([100, 102, 105, 106, 107], words.Select(w => w.Span.Offset));
    }

    [Fact]
    public void A_run_is_read_as_its_simple_commands_heredoc_bodies_included()
    {
        var document = DockerfileDocument.Parse("FROM a\nRUN apt-get update && apt-get install -y curl | tee log; rm -rf /var/lib/apt/lists/*\n"
            + "RUN <<EOF bash\napt-get update\n\napt-get install x\nEOF\nCMD [\"a\"]\nCOPY a b\n");
        Assert.Equal(["apt-get update", "apt-get install -y curl", "tee log", "rm -rf /var/lib/apt/lists/*"],
            document.Instructions[1].Commands.Select(c => string.Join(' ', c.Select(w => w.Text))));
        Assert.Equal(["<<EOF bash", "apt-get update", "apt-get install x"],
            document.Instructions[2].Commands.Select(c => string.Join(' ', c.Select(w => w.Text))));
        Assert.Empty(document.Instructions[3].Commands);
        Assert.Empty(document.Instructions[4].Commands);
    }
}
