using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Tests;

/// <summary>The first checks of the parser's shape, written from the Dockerfile reference.</summary>
public sealed class SmokeTests
{
    [Fact]
    public void Instructions_flags_arguments_and_stages()
    {
        const string text = "# syntax=docker/dockerfile:1\nARG BASE=debian\nFROM --platform=linux/amd64 ${BASE}:12 AS Build\nRUN --mount=type=cache,target=/root/.cache \\\n    apt-get install -y curl\nFROM scratch\nCOPY --from=build /a /b\n";
        var document = DockerfileDocument.Parse(text);
        Assert.Equal(text, document.ToString());
        Assert.Equal(["ARG", "FROM", "RUN", "FROM", "COPY"], document.Instructions.Select(i => i.Keyword));
        var run = document.Instructions[2];
        Assert.Equal((4, 5), (run.Line, run.EndLine));
        Assert.Equal("apt-get install -y curl", run.Arguments.Trim());
        Assert.Equal("cache", Assert.Single(run.Mounts).Type);
        Assert.Equal("/root/.cache", run.Mounts[0].Target);
        Assert.Equal(2, document.Stages.Count);
        Assert.Equal("build", document.Stages[0].Name);
        Assert.Equal("debian:12", document.Expand(document.Stages[0].Image, document.Stages[0].From));
    }
}
