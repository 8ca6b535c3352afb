using System.Text;
using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Tests;

/// <summary>Parse(text).ToString() is the text, byte for byte, for every Dockerfile at hand.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> CorpusFiles() => [.. Corpus.Files().Select(Path.GetFileName).OfType<string>()];

    [Fact]
    public void The_shared_fixtures_hold_Dockerfiles_and_each_round_trips()
    {
        var files = Corpus.SharedFiles().ToList();
        // wasteful, multistage, big and dive's Dockerfile.test-image at least.
        Assert.True(files.Count >= 4, "Dockerfiles found under ../shared: " + string.Join(", ", files));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var document = DockerfileDocument.Parse(text, file);
            Corpus.AssertLossless(text, document);
            Assert.NotEmpty(document.Stages);
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_corpus_file_round_trips_byte_for_byte(string name)
    {
        var path = Path.Combine(Corpus.Directory, name);
        var bytes = File.ReadAllBytes(path);
        var document = DockerfileDocument.Load(path);
        Assert.Equal(bytes, new UTF8Encoding(false).GetBytes(document.ToString()));
        Corpus.AssertLossless(document.Text, document);
    }

    [Fact]
    public void The_corpus_keeps_its_odd_bytes()
    {
        // Guards against an editor or git normalising the corpus: these files exist for these bytes.
        Assert.Contains("\r\n", Corpus.Text("crlf.Dockerfile"), StringComparison.Ordinal);
        Assert.DoesNotContain("\n", Corpus.Text("crlf.Dockerfile").Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(Corpus.Text("no-final-newline.Dockerfile").EndsWith('\n'));
        Assert.Contains("\\   \n", Corpus.Text("continuations.Dockerfile"), StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(Path.Combine(Corpus.Directory, "bom.Dockerfile"))[..3]);
    }
}
