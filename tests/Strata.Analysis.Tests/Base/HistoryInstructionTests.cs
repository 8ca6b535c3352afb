using Strata.Analysis.Base;

namespace Strata.Analysis.Tests.Base;

/// <summary>created_by texts as each builder writes them (seen in the shared images and docker/buildkit/kaniko output).</summary>
public sealed class HistoryInstructionTests
{
    [Theory]
    // The classic builder: two spaces after #(nop) for settings (dive's test image).
    [InlineData("/bin/sh -c #(nop)  CMD [\"sh\"]", "CMD")]
    [InlineData("/bin/sh -c #(nop) ADD file:ce026b62 in / ", "ADD")]
    [InlineData("/bin/sh -c mkdir -p /root/example", "RUN")]
    [InlineData("|2 VERSION=1 USER=app /bin/sh -c make install", "RUN")]
    // buildah (the shared fixtures): one space.
    [InlineData("/bin/sh -c #(nop) ENTRYPOINT [\"/hello\"]", "ENTRYPOINT")]
    [InlineData("/bin/sh -c #(nop) CMD [\"python3\", \"/app/app.py\"]", "CMD")]
    // A RUN whose command mentions an instruction is still a RUN.
    [InlineData("/bin/sh -c echo CMD && echo ENTRYPOINT", "RUN")]
    // BuildKit and kaniko: the instruction itself.
    [InlineData("CMD [\"bash\"]", "CMD")]
    [InlineData("ENTRYPOINT [\"docker-entrypoint.sh\"]", "ENTRYPOINT")]
    [InlineData("RUN /bin/sh -c apt-get update # buildkit", "RUN")]
    [InlineData("COPY README.md /README.md # buildkit", "COPY")]
    [InlineData("ADD README.md /somefile.txt", "ADD")]
    [InlineData("cmd [\"lower\"]", "CMD")]
    // Windows images.
    [InlineData("cmd /S /C #(nop)  CMD [\"cmd\"]", "CMD")]
    [InlineData("cmd /S /C powershell -Command Install", "RUN")]
    public void The_instruction_is_read_from_each_builders_text(string createdBy, string expected)
    {
        Assert.Equal(expected, HistoryInstruction.Of(createdBy));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("# debian.sh --arch 'amd64' out/ 'bookworm' '@1700000000'")]
    [InlineData("bazel build //:image")]
    [InlineData("CMDX [\"bash\"]")]
    public void Text_naming_no_instruction_is_none(string? createdBy)
    {
        Assert.Null(HistoryInstruction.Of(createdBy));
        Assert.False(HistoryInstruction.SetsCommand(createdBy));
    }
}
