using Strata.Sbom.Input;
using Strata.Sbom.Model;
using Strata.Sbom.Tests.Language;
using Strata.Sbom.Tests.Output;
using Strata.TestKit;

namespace Strata.Sbom.Tests.Input;

/// <summary>
/// Strata's CycloneDX and SPDX output, read back, gives the packages and layer facts SbomBuilder found: the writer and
/// the reader together against the model, for the shared wasteful image and the hand-made awkward document.
/// </summary>
public sealed class RoundTripTests(WastefulSbom wasteful) : IClassFixture<WastefulSbom>
{
    public static TheoryData<string> Formats => ["cyclonedx", "spdx"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_wasteful_images_packages_and_layers_come_back(string format)
    {
        var original = wasteful.Sbom;
        var read = WriteAndRead(original, format);

        Assert.True(original.Packages.Count > 100, $"only {original.Packages.Count} packages to compare");
        Assert.Equal(original.Packages.Select(Facts), read.Packages.Select(Facts));
        Assert.Equal((original.ImageName, original.ManifestDigest, original.ConfigDigest, original.Platform), (read.ImageName, read.ManifestDigest, read.ConfigDigest, read.Platform));
        Assert.Equal(original.Os, read.Os);
        Assert.Empty(read.Warnings);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_layer_of_lodash_and_the_source_of_login_survive(string format)
    {
        var read = WriteAndRead(wasteful.Sbom, format);

        var lodash = Assert.Single(read.Packages, p => p.Purl == "pkg:npm/lodash@4.17.15");
        Assert.Equal("npm", lodash.Ecosystem);
        var location = Assert.Single(lodash.Locations);
        Assert.Equal("/app/node_modules/lodash/package.json", location.Path);
        Assert.Equal(8, location.Layer); // the ninth layer: the base's, then eight RUN and COPY lines before COPY node_modules/
        Assert.Contains("/app/node_modules/", location.CreatedBy, StringComparison.Ordinal);
        Assert.StartsWith("sha256:", location.DiffId, StringComparison.Ordinal);
        var login = Assert.Single(read.Packages, p => p.Name == "login");
        Assert.Equal(("dpkg", "shadow"), (login.Ecosystem, login.SourceName));
        Assert.StartsWith("1:4.13+dfsg1-", login.Version, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_awkward_sample_comes_back_whole(string format)
    {
        var original = SampleDocuments.Tricky;
        var read = WriteAndRead(original, format);

        Assert.Equal(original.Packages.Select(Facts), read.Packages.Select(Facts));
        Assert.Equal(original.Os, read.Os);
        Assert.Equal((original.ManifestDigest, original.ConfigDigest), (read.ManifestDigest, read.ConfigDigest));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Created_by_text_with_equals_signs_and_separators_survives(string format)
    {
        const string Layer = "sha256:5555555555555555555555555555555555555555555555555555555555555555";
        var package = new Package
        {
            Ecosystem = "npm", Name = "left-pad", Version = "1.3.0", Purl = "pkg:npm/left-pad@1.3.0",
            Locations =
            [
                new("/srv/my app/node_modules/left-pad/package.json", 2, Layer, "RUN |1 NODE_ENV=production /bin/sh -c npm ci; at=1 # buildkit"),
                new("/srv/other/node_modules/left-pad/package.json", 3, Layer, null),
            ],
        };
        var original = SampleDocuments.Empty with { Packages = [package] };

        var read = WriteAndRead(original, format);

        Assert.Equal(Facts(package), Facts(Assert.Single(read.Packages)));
    }

    /// <summary>What a scan needs of a package (licences are compared by the writers' own tests).</summary>
    private static string Facts(Package p) =>
        $"{p.Ecosystem}|{p.Name}|{p.Version}|{p.Purl}|{p.SourceName}|{p.SourceVersion}|{p.Architecture}|"
        + string.Join(";", p.Locations.Select(l => $"{l.Path},{l.Layer},{l.DiffId},{l.CreatedBy ?? "<none>"}"));

    private static SbomDocument WriteAndRead(SbomDocument document, string format)
    {
        using var work = new TempDirectory();
        var file = work.File($"sbom.{format}.json");
        File.WriteAllBytes(file, format == "spdx" ? WriteSbom.Spdx(document, SampleDocuments.Reproducible) : WriteSbom.CycloneDx(document, SampleDocuments.Reproducible));
        return SbomReader.Read(file);
    }
}
