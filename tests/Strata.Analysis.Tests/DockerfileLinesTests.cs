using Strata.Analysis.Dockerfiles;

namespace Strata.Analysis.Tests;

/// <summary>
/// Which Dockerfile instruction a layer's created_by came from, for the forms the classic builder and BuildKit write
/// (examples as `docker history --no-trunc` shows them). Expected lines are counted by hand in the texts below.
/// </summary>
public sealed class DockerfileLinesTests
{
    private const string MultiStage = """
        # syntax=docker/dockerfile:1
        FROM golang:1.22 AS build
        RUN apt-get update
        COPY . /src
        RUN go build -o /out/app ./cmd/app

        FROM debian:12-slim
        # the same line as in the build stage
        RUN apt-get update
        RUN apt-get install -y \
              ca-certificates \
        # a comment inside a continued line is dropped
              curl
        COPY --from=build /out/app /usr/local/bin/app
        ARG VERSION
        RUN echo "$VERSION" > /etc/app-version
        RUN apt-get update
        CMD ["app"]
        """;

    [Fact]
    public void BuildKit_layers_land_on_their_lines_in_the_final_stage_and_in_order()
    {
        var lines = new DockerfileLines(MultiStage);

        var located = lines.Locate(
        [
            (0, "/bin/sh -c #(nop) ADD file:0a1b2c in / "), // the base image's: no line of its own
            (1, "RUN /bin/sh -c apt-get update # buildkit"),
            (2, "RUN /bin/sh -c apt-get install -y               ca-certificates               curl # buildkit"),
            (3, "COPY /out/app /usr/local/bin/app # buildkit"),
            (4, "RUN |1 VERSION=1.2.3 /bin/sh -c echo \"$VERSION\" > /etc/app-version # buildkit"),
            (5, "RUN /bin/sh -c apt-get update # buildkit"),
        ]);

        Assert.Equal([(7, 7), (9, 9), (10, 13), (14, 14), (16, 16), (17, 17)], located.OrderBy(l => l.Key).Select(l => (l.Value!.StartLine, l.Value.EndLine)));
    }

    [Fact]
    public void Classic_builder_copies_match_by_destination()
    {
        var lines = new DockerfileLines("FROM debian:12\nCOPY app/ /app/\nCOPY node_modules/ /app/node_modules/\nCOPY id_rsa /root/.ssh/id_rsa\n");

        var located = lines.Locate(
        [
            (1, "/bin/sh -c #(nop) COPY dir:597fbd3e in /app/ "),
            (2, "/bin/sh -c #(nop) COPY dir:c9024711 in /app/node_modules/ "),
            (3, "/bin/sh -c #(nop) COPY file:180c6f58 in /root/.ssh/id_rsa "),
        ]);

        Assert.Equal([2, 3, 4], located.OrderBy(l => l.Key).Select(l => l.Value!.StartLine));
    }

    [Fact]
    public void The_escape_directive_changes_the_continuation_character()
    {
        var instructions = DockerfileParser.Parse("# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN dir c:\\ `\n    && echo done\n");

        Assert.Equal([("FROM", 2, 2), ("RUN", 3, 4)], instructions.Select(i => (i.Keyword, i.StartLine, i.EndLine)));
        Assert.Equal("RUN dir c:\\ && echo done", instructions[1].Text);
    }

    [Fact]
    public void Unknown_history_goes_to_the_final_from_and_an_empty_file_has_no_line()
    {
        var lines = new DockerfileLines(MultiStage);
        Assert.Equal(7, lines.Locate([(3, "RUN /bin/sh -c something else # buildkit"), (4, null)]).Values.Select(i => i!.StartLine).Distinct().Single());

        var empty = new DockerfileLines("# only a comment\n");
        Assert.Null(empty.From);
        Assert.Null(empty.Locate([(0, "RUN /bin/sh -c true # buildkit")])[0]);
    }
}
