using Strata.Images.Model;
using Strata.Images.Sources;
using Strata.TestKit;

namespace Strata.Images.Tests;

public sealed class ImageSelectionTests
{
    private static OciImageBuilder ImageFor(string arch, string marker) =>
        new OciImageBuilder { Architecture = arch }.Layer(new LayerBuilder().File("marker", marker));

    [Fact]
    public void A_tag_picks_one_image_of_an_oci_layout_and_a_missing_tag_lists_the_tags()
    {
        using var image = Open.Image($"oci:{Fixtures.OciLayout}:wasteful");
        Assert.Equal(13, image.Layers.Count);
        Assert.Equal("sha256:33cd119c5a16d0fe6ed70c4a6ebd607c1ff258027049bf84d249d7c3beae8a68", image.ManifestDigest.ToString());

        var missing = Assert.Throws<StrataException>(() => Open.Image($"oci:{Fixtures.OciLayout}:nope"));
        Assert.Contains("no image tagged 'nope'", missing.Message, StringComparison.Ordinal);
        Assert.Contains("wasteful", missing.Message, StringComparison.Ordinal);

        var ambiguous = Assert.Throws<StrataException>(() => Open.Image($"oci:{Fixtures.OciLayout}"));
        Assert.Contains("holds 3 images", ambiguous.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Platform_picks_from_an_index_nested_or_not_and_a_missing_one_lists_what_there_is(bool nested)
    {
        using var temp = new TempDirectory();
        OciImageBuilder.WriteMultiPlatformLayout(temp.Path, "multi", nested,
            (ImageFor("amd64", "amd"), "linux/amd64"),
            (ImageFor("arm64", "arm"), "linux/arm64/v8"));

        using var arm = Open.Image($"oci:{temp.Path}:multi", new ImageSelector(Platform: Platform.Parse("linux/arm64")));
        Assert.Equal("arm64", arm.Platform.Architecture);
        using var armV8 = Open.Image($"oci:{temp.Path}:multi", new ImageSelector(Platform: Platform.Parse("linux/arm64/v8")));
        Assert.Equal(arm.ConfigDigest, armV8.ConfigDigest);
        using var host = Open.Image($"oci:{temp.Path}:multi");
        Assert.Equal(Platform.Host.Architecture, host.Platform.Architecture);

        var error = Assert.Throws<StrataException>(() =>
            Open.Image($"oci:{temp.Path}:multi", new ImageSelector(Platform: Platform.Parse("linux/s390x"))));
        Assert.Contains("linux/s390x", error.Message, StringComparison.Ordinal);
        Assert.Contains("linux/amd64, linux/arm64/v8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_image_of_another_platform_is_read_unless_a_platform_is_asked_for()
    {
        using var image = Open.Image(Fixtures.Dive("test-oci-gzip-image.tar"));
        Assert.Equal("linux/arm64", image.Platform.ToString());

        var error = Assert.Throws<StrataException>(() =>
            Open.Image(Fixtures.Dive("test-oci-gzip-image.tar"), new ImageSelector(Platform: Platform.Parse("linux/amd64"))));
        Assert.Contains("linux/arm64", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Name_and_tag_pick_one_image_of_a_docker_archive_in_either_layout(bool blobsLayout)
    {
        using var temp = new TempDirectory();
        var tar = OciImageBuilder.WriteDockerArchive(temp.File("two.tar"), blobsLayout,
            (ImageFor("amd64", "first"), "team/app:1"),
            (ImageFor("amd64", "second"), "team/app:2"));

        using var second = Open.Image($"docker-archive:{tar}:team/app:2");
        using var first = Open.Image($"docker-archive:{tar}:docker.io/team/app:1");
        Assert.NotEqual(first.ConfigDigest, second.ConfigDigest);
        Assert.Equal(blobsLayout, second.ManifestDigest is not null);
        Assert.Equal(blobsLayout, second.Layers[0].ExpectedDigest is not null);

        var ambiguous = Assert.Throws<StrataException>(() => Open.Image($"docker-archive:{tar}"));
        Assert.Contains("team/app:1, team/app:2", ambiguous.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void History_is_matched_to_layers_skipping_empty_ones()
    {
        using var image = Open.Image(Fixtures.Dive("test-docker-image.tar"));

        Assert.Equal(14, image.Layers.Count);
        Assert.Contains("mkdir -p /root/example/really/nested", image.Layers[2].CreatedBy, StringComparison.Ordinal);
        Assert.Contains("chmod +x /root/saved.txt", image.Layers[13].CreatedBy, StringComparison.Ordinal);
    }
}
