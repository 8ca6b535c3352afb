using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Tests;

/// <summary>
/// Corpus/peer-dockerd.Dockerfile was built FROM scratch by a real dockerd (20.10.24, classic builder:
/// <c>DOCKER_BUILDKIT=0 docker build .</c>); the expected values below are what it printed as its steps and what
/// <c>docker inspect</c> showed of the image's Env, WorkingDir, User, OnBuild and ExposedPorts.
/// </summary>
public sealed class PeerTests
{
    private static readonly string[] Steps =
    [
        "FROM scratch",
        "ENV A=1     B=2         C=3         D=4     E=5",
        "ENV B another\\\\path",
        "ENV C trailing\\\\backslash\\\\",
        "ENV D This gets appended to C",
        "ENV E helloworld",
        "LABEL\tx=\"tabs\"",
        "LABEL y=\"     hello     world\"",
        "LABEL description=\"a multi-line label\"       version=1.0",
        "ENV F=${C}/$D G=\"${A:-x} ${Z:-zz} ${A:+yes}\" H=\\$A I='$A'",
        "WORKDIR /w/${Z:-unset}/${A:+set}",
        "USER ${E}",
        "COPY --chown=1:1 a b /dst/",
        "onbuild run echo hi",
        "EXPOSE 80",
    ];

    [Fact]
    public void The_logical_lines_are_the_steps_dockerd_ran()
    {
        var document = Corpus.Load("peer-dockerd.Dockerfile");
        Assert.Equal(Steps, document.Instructions.Select(i => i.LogicalText));
    }

    [Fact]
    public void The_expanded_values_are_those_dockerd_stored()
    {
        var document = Corpus.Load("peer-dockerd.Dockerfile");
        var last = document.Instructions[^1];
        var env = document.VariablesAt(last);
        Assert.Equal(
            ["A=1", "B=another\\path", "C=trailing\\backslash\\", "D=This gets appended to C", "E=helloworld",
             "F=trailing\\backslash\\/This gets appended to C", "G=1 zz yes", "H=$A", "I=$A"],
            env.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
        var label = document.Instructions[8];
        Assert.Equal(["a multi-line label", "1.0"], label.Variables.Select(v => document.Expand(v.Value!, label)));
        Assert.Equal("     hello     world", document.Expand(document.Instructions[7].Variables[0].Value!, last));
        Assert.Equal("/w/unset/set", document.Expand(document.Instructions[10].Arguments, document.Instructions[10]));
        Assert.Equal("helloworld", document.Expand(document.Instructions[11].Arguments, document.Instructions[11]));
        Assert.Equal("run echo hi", document.Instructions[13].Arguments);
        Assert.Equal(["80"], last.Words.Select(w => w.Text));
    }
}
