using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Tests;

/// <summary>ARG and ENV expansion, with the examples and rules of the Dockerfile reference's "Environment
/// replacement" and "ARG" sections.</summary>
public sealed class ExpansionTests
{
    private static Dictionary<string, string> Args(params (string Name, string Value)[] args) => args.ToDictionary(a => a.Name, a => a.Value);

    [Fact]
    public void One_instruction_sees_the_values_from_before_it()
    {
        // Reference: "ENV abc=hello / ENV abc=bye def=$abc / ENV ghi=$abc": def is hello, ghi is bye.
        var document = DockerfileDocument.Parse("FROM busybox\nENV abc=hello\nENV abc=bye def=$abc\nENV ghi=$abc\nRUN env\n");
        var scope = document.VariablesAt(document.Instructions[^1]);
        Assert.Equal(("bye", "hello", "bye"), (scope["abc"], scope["def"], scope["ghi"]));
    }

    [Fact]
    public void An_arg_is_seen_from_the_line_after_its_declaration()
    {
        // Reference, ARG scope: built with --build-arg username=what_user, line 2 gives some_user, line 4 what_user.
        var document = DockerfileDocument.Parse("FROM busybox\nUSER ${username:-some_user}\nARG username\nUSER $username\n");
        var buildArgs = Args(("username", "what_user"));
        Assert.Equal("some_user", document.Expand(document.Instructions[1].Arguments, document.Instructions[1], buildArgs));
        Assert.Equal("what_user", document.Expand(document.Instructions[3].Arguments, document.Instructions[3], buildArgs));
        Assert.Equal("", document.Expand(document.Instructions[3].Arguments, document.Instructions[3]));
    }

    [Fact]
    public void Env_wins_over_an_arg_of_the_same_name()
    {
        // Reference: with --build-arg CONT_IMG_VER=v2.0.1 the RUN sees v1.0.0.
        var document = DockerfileDocument.Parse("FROM ubuntu\nARG CONT_IMG_VER\nENV CONT_IMG_VER=v1.0.0\nRUN echo $CONT_IMG_VER\n");
        Assert.Equal("v1.0.0", document.Expand("$CONT_IMG_VER", document.Instructions[3], Args(("CONT_IMG_VER", "v2.0.1"))));

        var defaulted = DockerfileDocument.Parse("FROM ubuntu\nARG CONT_IMG_VER\nENV CONT_IMG_VER=${CONT_IMG_VER:-v1.0.0}\nRUN echo $CONT_IMG_VER\n");
        Assert.Equal("v1.0.0", defaulted.Expand("$CONT_IMG_VER", defaulted.Instructions[3]));
        Assert.Equal("v2.0.1", defaulted.Expand("$CONT_IMG_VER", defaulted.Instructions[3], Args(("CONT_IMG_VER", "v2.0.1"))));
    }

    [Theory]
    [InlineData("${SET:-w}", "x")]
    [InlineData("${EMPTY:-w}", "w")]
    [InlineData("${UNSET:-w}", "w")]
    [InlineData("${NEVER:-w}", "w")]
    [InlineData("${SET-w}", "x")]
    [InlineData("${EMPTY-w}", "")]
    [InlineData("${UNSET-w}", "w")]
    [InlineData("${SET:+w}", "w")]
    [InlineData("${EMPTY:+w}", "")]
    [InlineData("${UNSET:+w}", "")]
    [InlineData("${SET+w}", "w")]
    [InlineData("${EMPTY+w}", "w")]
    [InlineData("${UNSET+w}", "")]
    [InlineData("${UNSET:-${SET}y}", "xy")]
    [InlineData("$SET/${SET}_bar/$SET_bar", "x/x_bar/")]
    [InlineData("'$SET' \"$SET\" \\$SET \\${SET}", "$SET x $SET ${SET}")]
    [InlineData("a$", "a$")]
    [InlineData("${SET", "${SET")]
    public void Modifiers_follow_the_reference(string word, string expected)
    {
        // SET is set and non-empty, EMPTY is set and empty, UNSET is declared without a value, NEVER is not declared.
        var document = DockerfileDocument.Parse("FROM a\nARG SET=x EMPTY= UNSET\nRUN true\n");
        Assert.Equal(expected, document.Expand(word, document.Instructions[2]));
    }

    [Fact]
    public void The_reference_example_of_environment_replacement()
    {
        var document = DockerfileDocument.Parse("FROM busybox\nENV FOO=/bar\nWORKDIR ${FOO}\nADD . $FOO\nCOPY \\$FOO /quux\n");
        var (workdir, add, copy) = (document.Instructions[2], document.Instructions[3], document.Instructions[4]);
        Assert.Equal("/bar", document.Expand(workdir.Arguments, workdir));
        Assert.Equal([".", "/bar"], add.Words.Select(w => document.Expand(w.Text, add)));
        Assert.Equal(["$FOO", "/quux"], copy.Words.Select(w => document.Expand(w.Text, copy)));
    }

    [Fact]
    public void Global_args_reach_from_lines_and_a_stage_only_when_declared_again()
    {
        var document = DockerfileDocument.Parse("ARG V=1\nFROM a:$V\nRUN x\nARG V\nRUN y\nFROM b:${V}\nARG V=own\nRUN z\n");
        var i = document.Instructions;
        Assert.Equal("a:1", document.Expand(document.Stages[0].Image, i[1]));
        Assert.Equal("", document.Expand("$V", i[2]));
        Assert.Equal("1", document.Expand("$V", i[4]));
        Assert.Equal("b:1", document.Expand(document.Stages[1].Image, i[5]));
        Assert.Equal("own", document.Expand("$V", i[7]));

        var built = Args(("V", "2"));
        Assert.Equal("a:2", document.Expand(document.Stages[0].Image, i[1], built));
        Assert.Equal("2", document.Expand("$V", i[4], built));
        Assert.Equal("2", document.Expand("$V", i[7], built));
    }

    [Fact]
    public void A_stage_named_through_a_global_arg_is_found_as_the_base()
    {
        var document = DockerfileDocument.Parse("ARG FROM_STAGE=deps\nFROM alpine AS deps\nENV X=1\nFROM ${FROM_STAGE}\nRUN echo\n");
        Assert.Equal(0, document.Stages[1].BaseStageIndex);
        Assert.Equal("1", document.Expand("$X", document.Instructions[^1]));
    }
}
