using Strata.Analysis.Model;
using Strata.TestKit;

namespace Strata.Analysis.Tests;

public sealed class FormatEquivalenceTests
{
    public static TheoryData<string> AllFixtureImages() =>
    [
        Fixtures.Dive("test-docker-image.tar"),
        Fixtures.Dive("test-kaniko-image.tar"),
        Fixtures.Dive("test-oci-gzip-image.tar"),
        Fixtures.Dive("test-oci-zstd-image.tar"),
        Fixtures.Dive("test-oci-uncompressed-image.tar"),
        Fixtures.Dive("test-oci-estargz-image.tar"),
        "docker-archive:" + Fixtures.Images("multistage.docker.tar"),
        "oci-archive:" + Fixtures.Images("multistage.oci.tar"),
        "oci:" + Fixtures.Images("multistage-zstd"),
        "oci:" + Fixtures.OciLayout + ":base",
        "oci:" + Fixtures.OciLayout + ":wasteful",
        "oci:" + Fixtures.OciLayout + ":multistage",
    ];

    [Theory]
    [MemberData(nameof(AllFixtureImages))]
    public void Every_fixture_image_reads_with_verified_digests(string reference)
    {
        var analysis = TestImages.Analyze(reference);

        Assert.NotEmpty(analysis.Layers);
        Assert.All(analysis.Layers, l => Assert.NotEmpty(l.Entries));
        Assert.Equal(analysis.Layers.Sum(l => l.SizeBytes), analysis.Dive.SizeBytes);
        Assert.Equal(analysis.LiveBytes + analysis.DeadBytes, analysis.Layers.Sum(l => l.Entries.Where(e => e.IsRegularFile).Sum(e => e.Size)));
    }

    [Fact]
    public void Dives_oci_images_in_every_compression_are_one_image()
    {
        // estargz appends its table of contents to the tar, so its diff_id and config differ; the files do not.
        AssertSameImage(
            sameDigests: false,
            Fixtures.Dive("test-oci-gzip-image.tar"),
            Fixtures.Dive("test-oci-zstd-image.tar"),
            Fixtures.Dive("test-oci-uncompressed-image.tar"),
            Fixtures.Dive("test-oci-estargz-image.tar"));
    }

    [Fact]
    public void Multistage_in_every_format_is_one_image()
    {
        AssertSameImage(
            sameDigests: true,
            "oci:" + Fixtures.OciLayout + ":multistage",
            "docker-archive:" + Fixtures.Images("multistage.docker.tar"),
            "oci-archive:" + Fixtures.Images("multistage.oci.tar"),
            "oci:" + Fixtures.Images("multistage-zstd"),
            Fixtures.Images("multistage.docker.tar"),
            Fixtures.Images("multistage.oci.tar"));
    }

    [Fact]
    public void Compressions_are_recognised_by_their_bytes()
    {
        Assert.Equal(Images.Layers.Compression.Zstd, TestImages.Analyze(Fixtures.Dive("test-oci-zstd-image.tar")).Layers[0].Compression);
        Assert.Equal(Images.Layers.Compression.Gzip, TestImages.Analyze(Fixtures.Dive("test-oci-estargz-image.tar")).Layers[0].Compression);
        Assert.Equal(Images.Layers.Compression.None, TestImages.Analyze(Fixtures.Dive("test-oci-uncompressed-image.tar")).Layers[0].Compression);
        Assert.Equal(Images.Layers.Compression.Gzip, TestImages.Analyze(Fixtures.Dive("test-kaniko-image.tar")).Layers[0].Compression);
    }

    private static void AssertSameImage(bool sameDigests, params string[] references)
    {
        var analyses = references.Select(r => TestImages.Analyze(r)).ToList();
        var expected = Fingerprint(analyses[0], sameDigests);
        for (var i = 1; i < analyses.Count; i++)
        {
            Assert.Equal(expected, Fingerprint(analyses[i], sameDigests));
        }
    }

    private static string Fingerprint(ImageAnalysis analysis, bool withDigests) => string.Join('\n',
        [
            withDigests ? $"config {analysis.ConfigDigest} platform {analysis.Platform}" : $"platform {analysis.Platform}",
            $"dive {analysis.Dive.Efficiency:R} {analysis.Dive.SizeBytes} {analysis.Dive.WastedBytes} {analysis.Dive.UserSizeBytes}",
            $"dead {analysis.DeadBytes} live {analysis.LiveBytes} duplicates {analysis.DuplicateBytes}",
            .. analysis.Layers.SelectMany(l => l.Entries.Select(e =>
                $"{l.Index} {(withDigests ? l.DiffId : "")} {e.Path} {e.Kind} {e.Size} {e.Mode} {e.Uid}:{e.Gid} {e.LinkTarget} {e.ContentHash:x} {e.Change} {e.KilledBy}")),
        ]);
}
