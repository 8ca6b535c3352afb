using Strata.Cli.Rendering;
using Strata.TestKit;

namespace Strata.Cli.Tests.CommandLine;

/// <summary>The report explains its numbers and columns, counts in good English, and says when layers are not compressed.</summary>
public sealed class ReportWordingTests
{
    [Fact]
    public async Task The_report_explains_wasted_dead_and_duplicates_and_the_change_column()
    {
        var result = await CliRunner.RunAsync(["analyze", $"oci:{Path.Combine(Fixtures.RepositoryRoot, "examples", "wasteful-mini")}"]);

        CliAssert.ExitCode(0, result);
        var lines = result.Out.Split('\n').Select(l => l.Trim()).ToList();
        var key = lines.Single(l => l.StartsWith("Wasted (dive): every copy of a path seen in 2+ layers", StringComparison.Ordinal));
        Assert.Contains("dead: bytes stored but hidden in the final file system", key, StringComparison.Ordinal);
        Assert.Contains("duplicates: identical files at 2+ live paths", key, StringComparison.Ordinal);
        Assert.Contains("+/~/-: files the layer adds / modifies / removes", lines);
        // The shipped image has exactly one pair of identical files (app/main.py and app/main-copy.py).
        Assert.Contains(lines, l => l.StartsWith("Duplicates", StringComparison.Ordinal) && l.EndsWith("in 1 group of identical files", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_archive_of_uncompressed_layers_says_so()
    {
        // docker save writes every layer as a plain tar.
        var result = await CliRunner.RunAsync(["analyze", Fixtures.Dive("test-docker-image.tar")]);

        CliAssert.ExitCode(0, result);
        Assert.Matches(@"(?m)^Compressed size\s+none: the layers are stored uncompressed", result.Out);
    }

    [Fact]
    public async Task A_gzip_image_shows_its_compressed_size()
    {
        var result = await CliRunner.RunAsync(["analyze", $"oci:{Path.Combine(Fixtures.RepositoryRoot, "examples", "wasteful-mini")}"]);

        Assert.Matches(@"(?m)^Compressed size\s+65 kB\s*$", result.Out);
    }

    [Fact]
    public async Task A_mixed_image_counts_its_uncompressed_layers()
    {
        using var temp = new TempDirectory();
        var image = new OciImageBuilder()
            .Layer(new LayerBuilder().File("a", "a\n"), "RUN a", LayerCompression.Gzip)
            .Layer(new LayerBuilder().File("b", "b\n"), "RUN b", LayerCompression.None)
            .WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", image]);

        CliAssert.ExitCode(0, result);
        Assert.Matches(@"(?m)^Compressed size\s+.* stored \(1 layer of 2 stored uncompressed\)", result.Out);
    }

    [Theory]
    [InlineData("/bin/sh -c #(nop)  CMD [\"sh\"]", "CMD [\"sh\"]")]
    [InlineData("/bin/sh -c #(nop) ADD file:abc in / ", "ADD file:abc in /")]
    [InlineData("/bin/sh -c apt-get update", "RUN apt-get update")]
    [InlineData("RUN /bin/sh -c make # buildkit", "RUN make")]
    [InlineData("COPY app /app # buildkit", "COPY app /app")]
    [InlineData("", "")]
    public void The_command_column_shows_the_dockerfile_line(string createdBy, string shown) =>
        Assert.Equal(shown, DockerfileText.From(createdBy));

    [Fact]
    public async Task The_classic_builders_history_is_shown_as_dockerfile_lines()
    {
        var result = await CliRunner.RunAsync(["analyze", Fixtures.Dive("test-docker-image.tar")]);

        Assert.DoesNotContain("#(nop)", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("/bin/sh -c", result.Out, StringComparison.Ordinal);
        Assert.Contains("RUN chmod +x /root/saved.txt", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0 groups")]
    [InlineData(1, "1 group")]
    [InlineData(2, "2 groups")]
    public void Plurals(long count, string text) => Assert.Equal(text, Plural.Of(count, "group"));
}
