using Strata.Sbom.Output;
using Strata.TestKit;

namespace Strata.Sbom.Tests.Os;

/// <summary>
/// The shared wasteful image: Debian 12 (89 packages in its base layer) and <c>apt-get install python3
/// python3-requests ca-certificates</c> in layer 2, which added 35 more.
/// </summary>
public sealed class WastefulImageTests
{
    private static string Wasteful => "oci:" + Fixtures.OciLayout + ":wasteful";

    [Fact]
    public async Task Debian_packages_are_found_with_sources_architectures_and_layers()
    {
        var sbom = await OsImages.SbomAsync(Wasteful, TestContext.Current.CancellationToken);

        Assert.Equal("debian-12", sbom.Os?.Distro);
        var debs = sbom.Packages.Where(p => p.Ecosystem == "dpkg").ToList();
        Assert.Equal(124, debs.Count);
        Assert.Equal(89, debs.Count(p => p.Locations.Single().Layer == 0));
        Assert.Equal(35, debs.Count(p => p.Locations.Single().Layer == 2));
        Assert.All(debs, p => Assert.Contains("&distro=debian-12", p.Purl, StringComparison.Ordinal));

        var requests = debs.Single(p => p.Name == "python3-requests");
        Assert.Equal(("2.28.1+dfsg-1", "all", "requests", "2.28.1+dfsg-1"), (requests.Version, requests.Architecture, requests.SourceName, requests.SourceVersion));
        Assert.Equal("pkg:deb/debian/python3-requests@2.28.1+dfsg-1?arch=all&distro=debian-12", requests.Purl);
        Assert.Equal(2, requests.Locations.Single().Layer);
        Assert.Contains("apt-get install -y python3 python3-requests", requests.Locations.Single().CreatedBy, StringComparison.Ordinal);
        Assert.Contains(requests.Files, f => f.StartsWith("/usr/lib/python3/dist-packages/requests/", StringComparison.Ordinal));

        var libc = debs.Single(p => p.Name == "libc6");
        Assert.Equal(("2.36-9+deb12u14", "amd64", "glibc", "2.36-9+deb12u14"), (libc.Version, libc.Architecture, libc.SourceName, libc.SourceVersion));
        Assert.Equal("pkg:deb/debian/libc6@2.36-9+deb12u14?arch=amd64&distro=debian-12", libc.Purl);
        Assert.Equal(0, libc.Locations.Single().Layer);
        // dpkg names files as the package shipped them; on merged-/usr Debian 12 that is /lib, a link to /usr/lib.
        Assert.Contains("/lib/x86_64-linux-gnu/libc.so.6", libc.Files);

        Assert.Equal(["Zlib"], debs.Single(p => p.Name == "zlib1g").Licenses);
        Assert.Contains("GPL-3.0-or-later", debs.Single(p => p.Name == "bash").Licenses);
        // libc6's copyright file is free text: LGPL 2.1 or later for the library, GPL 2 or later for the utilities.
        Assert.Equal(["LGPL-2.1-or-later", "GPL-2.0-or-later"], libc.Licenses);

        var python = debs.Single(p => p.Name == "python3");
        Assert.Equal(("python3-defaults", "3.11.2-1"), (python.SourceName, python.SourceVersion));
        Assert.DoesNotContain(sbom.Packages, p => p.Ecosystem is "apk" or "rpm");
        Assert.DoesNotContain(sbom.Warnings, w => w.Contains("/var/lib/dpkg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_json_output_carries_the_deb_purls()
    {
        var sbom = await OsImages.SbomAsync(Wasteful, TestContext.Current.CancellationToken);
        using var output = new MemoryStream();

        StrataJsonWriter.Write(sbom, output);

        var json = System.Text.Encoding.UTF8.GetString(output.ToArray());
        Assert.Contains("\"pkg:deb/debian/python3-requests@2.28.1+dfsg-1?arch=all&distro=debian-12\"", json, StringComparison.Ordinal);
    }
}
