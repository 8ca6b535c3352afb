using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Tests;

/// <summary>Edits at offsets of the original text change only what they name, and the result parses again.</summary>
public sealed class EditTests
{
    private const string AptText = "FROM debian\nRUN apt-get update && \\\n    apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n";

    [Fact]
    public void Inserting_a_flag_after_apt_get_install_in_a_continued_run()
    {
        var document = DockerfileDocument.Parse(AptText);
        var words = document.Instructions[1].Words;
        var install = words.Select((w, i) => (w, i)).Single(p => p.w.Text == "install" && words[p.i - 1].Text == "apt-get").w;
        var fixedText = document.Apply([DockerfileEdit.Insert(install.Span.End, " --no-install-recommends")]);

        Assert.Equal("FROM debian\nRUN apt-get update && \\\n    apt-get install --no-install-recommends -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n", fixedText);
        var reparsed = DockerfileDocument.Parse(fixedText);
        var run = reparsed.Instructions[1];
        Assert.Equal((2, 4), (run.Line, run.EndLine));
        Assert.Equal(["apt-get", "update", "&&", "apt-get", "install", "--no-install-recommends", "-y", "curl", "&&", "rm", "-rf", "/var/lib/apt/lists/*"], run.Words.Select(w => w.Text));
    }

    [Fact]
    public void Several_edits_apply_against_the_original_offsets_in_any_order()
    {
        var document = DockerfileDocument.Parse("FROM a\nRUN --network=none pip install x\nCOPY --link src /dst\n");
        var run = document.Instructions[1];
        var copy = document.Instructions[2];
        var edits = new[]
        {
            DockerfileEdit.Replace(copy.Flag("link")!.Span, "--chmod=0644"),
            DockerfileEdit.Insert(run.Words[1].Span.End, " --no-cache-dir"),
            DockerfileEdit.Replace(run.Flag("network")!.ValueSpan!.Value, "host"),
        };
        var text = document.Apply(edits);
        Assert.Equal("FROM a\nRUN --network=host pip install --no-cache-dir x\nCOPY --chmod=0644 src /dst\n", text);
        Assert.Equal("0644", DockerfileDocument.Parse(text).Instructions[2].Flag("chmod")!.Value);
    }

    [Fact]
    public void Insertions_at_one_offset_keep_their_order_and_a_deleted_instruction_is_gone()
    {
        var document = DockerfileDocument.Parse("FROM a\nRUN rm -rf /tmp/x\nUSER app\n");
        var run = document.Instructions[1];
        Assert.Equal("FROM a\nUSER app\n", document.Apply([DockerfileEdit.Delete(run.FullSpan)]));
        Assert.Equal("FROM a\nRUN AB rm -rf /tmp/x\nUSER app\n", document.Apply([DockerfileEdit.Insert(run.ArgumentsSpan.Offset, "A"), DockerfileEdit.Insert(run.ArgumentsSpan.Offset, "B ")]));
    }

    [Fact]
    public void Overlapping_or_outside_edits_are_refused()
    {
        var document = DockerfileDocument.Parse("FROM a\n");
        Assert.Throws<ArgumentException>(() => document.Apply([new DockerfileEdit(0, 4, "X"), new DockerfileEdit(2, 1, "Y")]));
        Assert.Throws<ArgumentOutOfRangeException>(() => document.Apply([new DockerfileEdit(5, 5, "X")]));
        Assert.Throws<ArgumentOutOfRangeException>(() => document.Apply([new DockerfileEdit(-1, 0, "X")]));
    }

    [Fact]
    public void Crlf_and_everything_else_outside_the_edit_is_kept()
    {
        const string text = "# keep me\r\nFROM a\r\nRUN apk add curl   \r\n\r\n";
        var document = DockerfileDocument.Parse(text);
        var add = document.Instructions[1].Words[1];
        var edited = document.Apply([DockerfileEdit.Insert(add.Span.End, " --no-cache")]);
        Assert.Equal("# keep me\r\nFROM a\r\nRUN apk add --no-cache curl   \r\n\r\n", edited);
        Assert.Equal("apk add --no-cache curl", DockerfileDocument.Parse(edited).Instructions[1].Arguments);
    }

    [Fact]
    public void An_argument_index_maps_to_its_original_offset_across_continuations()
    {
        var document = DockerfileDocument.Parse(AptText);
        var run = document.Instructions[1];
        var index = run.Arguments.IndexOf("install", StringComparison.Ordinal);
        Assert.Equal("install", AptText.Substring(run.OffsetOfArgument(index), 7));
        Assert.Equal((3, 13), document.PositionOf(run.OffsetOfArgument(index)));
    }
}
