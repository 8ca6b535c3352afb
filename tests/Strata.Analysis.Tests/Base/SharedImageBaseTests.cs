using Strata.Analysis.Base;
using Strata.Images.Sources;
using Strata.TestKit;

namespace Strata.Analysis.Tests.Base;

/// <summary>
/// Base detection on the real shared images. The right answers come from their Dockerfiles
/// (../shared/fixtures/dockerfiles and build-images.sh, dive's Dockerfile.test-image), not from the detector.
/// </summary>
public sealed class SharedImageBaseTests
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    private static BaseImage Detect(string reference)
    {
        using var image = ImageOpener.OpenAsync(ImageReference.Parse(reference), new ImageSelector(), NoEngines, CancellationToken.None)
            .GetAwaiter().GetResult();
        return BaseImageDetector.Detect(image.Config);
    }

    /// <summary>
    /// wasteful is FROM localhost/fixture/base, which build-images.sh makes as FROM scratch, ADD rootfs.tar, CMD bash:
    /// one layer. Its 12 other layers are wasteful's own RUN and COPY lines.
    /// </summary>
    [Fact]
    public void Wasteful_has_the_one_layer_of_the_debian_base()
    {
        var found = Detect($"oci:{Fixtures.OciLayout}:wasteful");

        Assert.Equal((1, "history"), (found.Layers, found.Source));
    }

    /// <summary>base itself is built FROM scratch: it has no base image.</summary>
    [Fact]
    public void The_base_image_itself_has_no_base()
    {
        Assert.Null(Detect($"oci:{Fixtures.OciLayout}:base").Layers);
    }

    /// <summary>multistage's last stage is FROM scratch; the builder stage (FROM base) leaves nothing in the image.</summary>
    [Theory]
    [InlineData("oci:{0}/oci:multistage")]
    [InlineData("docker-archive:{0}/multistage.docker.tar")]
    public void The_multistage_image_has_no_base(string reference)
    {
        Assert.Null(Detect(string.Format(System.Globalization.CultureInfo.InvariantCulture, reference, Fixtures.Images("").TrimEnd('/'))).Layers);
    }

    /// <summary>dive's test image is FROM busybox:latest, a one-layer image (ADD the root file system, CMD sh), built by docker and by kaniko.</summary>
    [Theory]
    [InlineData("test-docker-image.tar")]
    [InlineData("test-kaniko-image.tar")]
    public void Dives_test_image_has_busyboxs_one_layer(string archive)
    {
        var found = Detect("docker-archive:" + Fixtures.Dive(archive));

        Assert.Equal(1, found.Layers);
    }
}
