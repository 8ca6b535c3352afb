using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Tests;

/// <summary>Inputs built to hurt: they finish (a generous bound catches a hang) with a result or a positioned error.</summary>
public sealed class HostileInputTests
{
    private static Task<T> Bounded<T>(Func<T> work) => Task.Run(work).WaitAsync(TimeSpan.FromSeconds(60));

    [Fact]
    public async Task A_directive_line_of_white_space_does_not_backtrack()
    {
        var text = "# syntax =" + new string(' ', 200_000) + "x" + new string('\t', 200_000) + "\nFROM a\n";
        var document = await Bounded(() => DockerfileDocument.Parse(text));
        Assert.Equal("x", document.Directive("syntax"));
        Assert.Equal(text, document.ToString());
    }

    [Fact]
    public async Task Deeply_nested_defaults_stop_expanding_instead_of_overflowing()
    {
        const int depth = 100_000;
        var word = string.Concat(Enumerable.Repeat("${A:-", depth)) + "x" + new string('}', depth);
        var document = DockerfileDocument.Parse("FROM a\nRUN true\n");
        var expanded = await Bounded(() => document.Expand(word, document.Instructions[1]));
        Assert.Contains("${A:-", expanded, StringComparison.Ordinal);
        Assert.Equal("x", document.Expand("${A:-${A:-${A:-x}}}", document.Instructions[1]));
    }

    [Fact]
    public async Task Deeply_nested_json_is_shell_form()
    {
        var text = "FROM a\nCMD " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var document = await Bounded(() => DockerfileDocument.Parse(text));
        Assert.False(document.Instructions[1].IsExecForm);
    }

    [Fact]
    public async Task Many_continuations_and_heredocs_stay_linear_enough()
    {
        var text = "FROM a\nRUN " + string.Concat(Enumerable.Repeat("x \\\n# c\n", 50_000)) + "y\n"
            + string.Concat(Enumerable.Repeat("RUN <<EOF\nbody\nEOF\n", 20_000));
        var document = await Bounded(() => DockerfileDocument.Parse(text));
        Assert.Equal(20_002, document.Instructions.Count);
        Assert.Equal(50_000, document.Instructions[1].Comments.Count);
        Assert.Equal(text, document.ToString());
    }
}
