using Strata.Images.Sources;
using Strata.TestKit;

namespace Strata.Images.Tests;

public sealed class ImageReferenceTests
{
    [Fact]
    public void Transports_split_path_and_tag()
    {
        var oci = ImageReference.Parse($"oci:{Fixtures.OciLayout}:wasteful");
        Assert.Equal((Transport.Oci, Fixtures.OciLayout, "wasteful"), (oci.Transport, oci.Location, oci.Tag));

        var archive = ImageReference.Parse($"docker-archive:{Fixtures.Images("multistage.docker.tar")}:fixture/multistage:latest");
        Assert.Equal((Transport.DockerArchive, "fixture/multistage:latest"), (archive.Transport, archive.Tag));

        var diveSpelling = ImageReference.Parse($"docker-archive://{Fixtures.Dive("test-docker-image.tar")}");
        Assert.Equal((Transport.DockerArchive, Fixtures.Dive("test-docker-image.tar"), null), (diveSpelling.Transport, diveSpelling.Location, diveSpelling.Tag));

        Assert.Equal((Transport.DockerDaemon, "fixture/multistage:latest"), Pair(ImageReference.Parse("docker-daemon:fixture/multistage:latest")));
        Assert.Equal((Transport.Podman, "alpine"), Pair(ImageReference.Parse("podman:alpine")));
    }

    [Fact]
    public void A_plain_path_is_recognised_by_its_content()
    {
        Assert.Equal(Transport.Oci, ImageReference.Parse(Fixtures.OciLayout).Transport);
        Assert.Equal(Transport.DockerArchive, ImageReference.Parse(Fixtures.Images("multistage.docker.tar")).Transport);
        Assert.Equal(Transport.OciArchive, ImageReference.Parse(Fixtures.Images("multistage.oci.tar")).Transport);
        Assert.Equal(Transport.OciArchive, ImageReference.Parse(Fixtures.Dive("test-oci-gzip-image.tar")).Transport);
    }

    [Fact]
    public void A_colon_in_a_folder_name_is_part_of_the_path()
    {
        using var temp = new TempDirectory();
        var folder = Path.Combine(temp.Path, "odd:name");
        new OciImageBuilder().Layer(new LayerBuilder().File("f", "x")).WriteOciLayout(folder, "v1");

        var reference = ImageReference.Parse($"oci:{folder}:v1");

        Assert.Equal((folder, "v1"), (reference.Location, reference.Tag));
    }

    [Fact]
    public void A_missing_path_names_it()
    {
        var error = Assert.Throws<StrataException>(() => ImageReference.Parse("oci:/no/such/layout:tag"));
        Assert.Contains("/no/such/layout", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Throws<StrataException>(() => ImageReference.Parse("docker-archive:/nope.tar")).Message, StringComparison.Ordinal);
    }

    private static (Transport, string) Pair(ImageReference reference) => (reference.Transport, reference.Location);
}
