using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Tests;

/// <summary>Edge cases of line continuation, from BuildKit's rule: the escape character, then only spaces or tabs,
/// alone on its line or after a character that is not itself the escape character.</summary>
public sealed class ContinuationTests
{
    [Fact]
    public void A_line_holding_only_the_escape_character_continues_into_the_next()
    {
        var document = DockerfileDocument.Parse("FROM a\n\\\nRUN x\n");
        var run = document.Instructions[1];
        Assert.Equal(("RUN", 2, 3, "x"), (run.Keyword, run.Line, run.EndLine, run.Arguments));
        Assert.Equal("RUN", run.KeywordSpan.Of(document.Text));
    }

    [Fact]
    public void A_doubled_backtick_escape_does_not_continue()
    {
        var document = DockerfileDocument.Parse("# escape=`\nFROM a\nENV P=C:\\dir``\nENV Q=1 `\n  R=2\n");
        Assert.Equal(["FROM", "ENV", "ENV"], document.Instructions.Select(i => i.Keyword));
        Assert.Equal("C:\\dir`", document.Expand(document.Instructions[1].Variables[0].Value!, document.Instructions[2]));
        Assert.Equal(["Q", "R"], document.Instructions[2].Variables.Select(v => v.Name));
    }

    [Fact]
    public void A_backslash_is_plain_text_under_the_backtick_escape()
    {
        var document = DockerfileDocument.Parse("# escape=`\nFROM a\nRUN dir c:\\\nUSER x\n");
        Assert.Equal(["FROM", "RUN", "USER"], document.Instructions.Select(i => i.Keyword));
        Assert.Equal("dir c:\\", document.Instructions[1].Arguments);
    }

    [Fact]
    public void The_reference_example_that_fails_on_windows_joins_two_lines()
    {
        // Without the escape directive, "c:\" ends in a continuation: COPY and RUN become one instruction.
        var document = DockerfileDocument.Parse("FROM microsoft/nanoserver\nCOPY testfile.txt c:\\\nRUN dir c:\\\n");
        Assert.Equal(["FROM", "COPY"], document.Instructions.Select(i => i.Keyword));
        Assert.Equal("testfile.txt c:RUN dir c:", document.Instructions[1].Arguments);
        Assert.Equal(3, document.Instructions[1].EndLine);
    }

    [Fact]
    public void Skipped_lines_inside_a_continuation_are_kept_as_trivia_of_the_instruction()
    {
        const string text = "FROM a\nRUN a \\\n\n  # note\n \t \nb\n";
        var document = DockerfileDocument.Parse(text);
        var run = document.Instructions[1];
        Assert.Equal((2, 6, "a b"), (run.Line, run.EndLine, run.Arguments));
        Assert.Equal("RUN a \\\n\n  # note\n \t \nb\n", run.ToString());
        Assert.Equal(2, document.Nodes.Count);
    }
}
