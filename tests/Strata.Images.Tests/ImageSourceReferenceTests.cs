using Strata.Images.Sources;
using Strata.TestKit;

namespace Strata.Images.Tests;

/// <summary>The reference forms issue 8 adds: dive's docker-tar://, image IDs, bare references and the --image-src list.</summary>
public sealed class ImageSourceReferenceTests
{
    [Fact]
    public void Dives_docker_tar_spelling_is_a_docker_archive()
    {
        var reference = ImageReference.Parse($"docker-tar://{Fixtures.Images("multistage.docker.tar")}");

        Assert.Equal((Transport.DockerArchive, Fixtures.Images("multistage.docker.tar")), (reference.Transport, reference.Location));
    }

    [Theory]
    [InlineData("foo:bar/baz", "'bar' is not a port number")]
    [InlineData("localhost:0/app", "'0' is not a port number")]
    [InlineData("localhost:70000/app", "'70000' is not a port number")]
    [InlineData("docker://foo:bar/baz", "'bar' is not a port number")]
    public void A_registry_with_a_port_that_is_not_a_number_is_named_in_the_error(string text, string expected)
    {
        var error = Assert.Throws<StrataException>(() => ImageReference.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("myapp:latest", true)]
    [InlineData("localhost:5000/team/app:v1", true)]
    [InlineData("docker://localhost:5000/team/app:v1", false)]
    [InlineData("docker-daemon:myapp:latest", false)]
    public void Only_a_reference_without_a_transport_is_bare(string text, bool bare) =>
        Assert.Equal(bare, ImageReference.Parse(text).IsBareRegistryReference);

    [Theory]
    [InlineData("sha256:2f6e5cc2ae3d824278a4cae9d10e7480130e87d77260bfbaa7582d81f8dbd148", true)]
    [InlineData("2f6e5cc2ae3d824278a4cae9d10e7480130e87d77260bfbaa7582d81f8dbd148", true)]
    [InlineData("2f6e5cc2ae3d", true)]
    [InlineData("2f6e5cc2ae3", false)]
    [InlineData("sha256:2f6e5cc2ae3d", false)]
    [InlineData("alpine:3.19", false)]
    public void An_image_id_is_full_or_at_least_twelve_hex_digits(string name, bool isId) =>
        Assert.Equal(isId, ImageId.Matches(name));

    [Fact]
    public void Image_sources_keep_the_order_given_and_reject_unknown_ones()
    {
        Assert.Equal([ImageSourceKind.Docker, ImageSourceKind.Podman, ImageSourceKind.Remote], ImageSourceOrder.Parse(ImageSourceOrder.Default, "--image-src"));
        Assert.Equal([ImageSourceKind.Remote, ImageSourceKind.Docker], ImageSourceOrder.Parse("remote, docker", "--image-src"));

        var error = Assert.Throws<StrataException>(() => ImageSourceOrder.Parse("docker,containerd", "--image-src"));
        Assert.Contains("--image-src: 'containerd'", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_absent_engine_socket_is_skipped_for_the_registry()
    {
        var engines = new EngineEndpoints(new Uri("unix:///nonexistent/docker.sock"), new Uri("unix:///nonexistent/podman.sock"));
        var reference = ImageReference.Parse("localhost:5000/team/app:v1");

        var chosen = await BareReferenceSources.ChooseAsync(
            reference, ImageSourceOrder.Parse(ImageSourceOrder.Default, "--image-src"), engines, TestContext.Current.CancellationToken);

        Assert.Equal(Transport.Registry, chosen.Reference.Transport);
        Assert.Equal("the registry localhost:5000", chosen.Description);
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_remote_a_reference_no_engine_has_is_an_error_naming_where_it_looked()
    {
        var engines = new EngineEndpoints(new Uri("unix:///nonexistent/docker.sock"), new Uri("unix:///nonexistent/podman.sock"));

        var error = await Assert.ThrowsAsync<StrataException>(() => BareReferenceSources.ChooseAsync(
            ImageReference.Parse("myapp:latest"), [ImageSourceKind.Docker, ImageSourceKind.Podman], engines, TestContext.Current.CancellationToken));

        Assert.Equal(
            "IMAGE 'myapp:latest': not found in the Docker engine at unix:///nonexistent/docker.sock, podman at unix:///nonexistent/podman.sock (--image-src docker,podman)",
            error.Message);
    }
}
