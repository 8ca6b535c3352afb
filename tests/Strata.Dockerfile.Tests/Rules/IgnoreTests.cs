namespace Strata.Dockerfile.Tests.Rules;

/// <summary>Ignore comments (hadolint's and Strata's spelling, either rule ID) and ignored IDs.</summary>
public sealed class IgnoreTests
{
    private const string Body = "RUN apt-get update && apt-get install -y curl\n";

    [Theory]
    [InlineData("# hadolint ignore=DL3015\n")]
    [InlineData("# strata ignore=STR1002\n")]
    [InlineData("# strata ignore=DL3015\n")]
    [InlineData("# hadolint ignore=DL3009, DL3015 # recommended packages needed here\n")]
    [InlineData("# why: we need the docs\n# hadolint ignore=DL3015\n# another note\n")]
    public void A_comment_directly_above_ignores_the_rule_there_only(string comment)
    {
        var text = "FROM debian:12\n" + comment + Body + Body;
        var lines = Lint.Lines(text, "STR1002");
        var last = text.Split('\n').Length - 1; // the last line; the text ends with a line break

        Assert.Equal([last], lines);
    }

    [Fact]
    public void A_blank_line_between_comment_and_instruction_ends_the_ignore()
    {
        Assert.Equal([4], Lint.Lines("FROM debian:12\n# hadolint ignore=DL3015\n\n" + Body, "STR1002"));
    }

    [Fact]
    public void A_global_ignore_anywhere_applies_to_the_whole_file()
    {
        var text = "FROM debian:12\n" + Body + "# strata global ignore=STR1002\n" + Body;

        Assert.Empty(Lint.Lines(text, "STR1002"));
        Assert.NotEmpty(Lint.Lines(text, "STR1001"));
    }

    [Fact]
    public void Ignored_ids_take_strata_or_hadolint_spelling_in_any_case()
    {
        var text = "FROM debian:12\n" + Body;

        Assert.DoesNotContain(Lint.Run(text, "dl3015"), f => f.Advice.Id == "STR1002");
        Assert.DoesNotContain(Lint.Run(text, "STR1002"), f => f.Advice.Id == "STR1002");
        Assert.Contains(Lint.Run(text, "DL3009"), f => f.Advice.Id == "STR1002");
    }

    [Fact]
    public void An_ignore_above_an_onbuild_covers_the_instruction_it_registers()
    {
        Assert.Equal([2], Lint.Lines("FROM debian:12\nONBUILD RUN sudo true\n# hadolint ignore=DL3004\nONBUILD RUN sudo true\n", "STR2006"));
    }
}
