using Strata.Images;
using Strata.Sbom.Input;
using Strata.TestKit;

namespace Strata.Sbom.Tests.Input;

/// <summary>Malformed SBOMs: one-line errors naming the file and the field, never a crash or an unbounded read.</summary>
public sealed class BadSbomTests
{
    private const string CycloneDxHead = """{"bomFormat":"CycloneDX","specVersion":"1.6","version":1""";

    [Theory]
    [InlineData("not json at all", "not a JSON SBOM")]
    [InlineData("[1,2]", "expected an object, found an array")]
    [InlineData("""{"name":"x"}""", "neither a CycloneDX SBOM")]
    [InlineData("""{"bomFormat":"SWID"}""", ".bomFormat: 'SWID' is not CycloneDX")]
    [InlineData("""{"bomFormat":"CycloneDX","specVersion":"1.2"}""", ".specVersion: CycloneDX 1.2 is not read")]
    [InlineData(CycloneDxHead + ""","components":{"a":1}}""", ".components: expected an array, found an object")]
    [InlineData(CycloneDxHead + ""","components":[{"type":"library","name":"x","purl":7}]}""", ".components[0].purl: expected a string, found a number")]
    [InlineData(CycloneDxHead + ""","components":[{"type":"library","name":"x","purl":"npm:lodash"}]}""", ".components[0].purl: 'npm:lodash' is not a package URL")]
    [InlineData(CycloneDxHead + ""","components":[{"type":"library","name":"x","purl":"pkg:npm/x@1","properties":[{"value":"1"}]}]}""", ".components[0].properties[0].name: missing or empty")]
    [InlineData(CycloneDxHead + ""","metadata":{"tools":{"components":[{"name":"strata"}]}},"components":[{"type":"library","name":"x","purl":"pkg:npm/x@1","properties":[{"name":"strata:location:path","value":"/a"},{"name":"strata:layer:index","value":"one"},{"name":"strata:layer:diffId","value":"sha256:1"}]}]}""", "strata:layer:index 'one' is not a layer number")]
    [InlineData(CycloneDxHead + ""","metadata":{"tools":{"components":[{"name":"strata"}]}},"components":[{"type":"library","name":"x","purl":"pkg:npm/x@1","properties":[{"name":"strata:location:path","value":"/a"}]}]}""", "do not pair up")]
    [InlineData("""{"spdxVersion":"SPDX-3.0"}""", ".spdxVersion: SPDX-3.0 is not read")]
    [InlineData("""{"spdxVersion":"SPDX-2.3","packages":[{"name":"x","externalRefs":[{"referenceType":"purl","referenceLocator":""}]}]}""", ".packages[0].externalRefs[0].referenceLocator: missing or empty")]
    [InlineData("""{"spdxVersion":"SPDX-2.3","packages":["x"]}""", ".packages[0]: expected an object, found a string")]
    public void A_malformed_sbom_is_an_error_naming_the_file_and_field(string content, string expected)
    {
        using var work = new TempDirectory();
        var file = work.File("bad.json");
        File.WriteAllText(file, content);

        var error = Assert.Throws<StrataException>(() => SbomReader.Read(file));

        Assert.StartsWith(file, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Deep_nesting_is_refused_not_recursed_into()
    {
        using var work = new TempDirectory();
        var file = work.File("deep.json");
        File.WriteAllText(file, CycloneDxHead + ",\"components\":" + string.Concat(Enumerable.Repeat("[{\"components\":", 200)) + "[]" + string.Concat(Enumerable.Repeat("}]", 200)) + "}");

        var error = Assert.Throws<StrataException>(() => SbomReader.Read(file));

        Assert.Contains("not a JSON SBOM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_bound_is_refused_before_it_is_read()
    {
        using var work = new TempDirectory();
        var file = work.File("huge.json");
        using (var stream = File.Create(file))
        {
            stream.SetLength(SbomReader.MaxBytes + 1); // sparse: nothing is written
        }

        var error = Assert.Throws<StrataException>(() => SbomReader.Read(file));

        Assert.Contains("more than the", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        using var work = new TempDirectory();
        var error = Assert.Throws<StrataException>(() => SbomReader.Read(work.File("absent.json")));
        Assert.Contains("absent.json: cannot read the SBOM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syft_style_cyclonedx_reads_source_and_os_from_purl_qualifiers()
    {
        using var work = new TempDirectory();
        var file = work.File("syft.json");
        File.WriteAllText(file, CycloneDxHead + """
            ,"metadata":{"tools":{"components":[{"type":"application","author":"anchore","name":"syft","version":"1.0.0"}]},
                        "component":{"type":"container","name":"debian:12","version":"sha256:abc"}},
            "components":[
              {"type":"library","name":"libc6","version":"2.36-9+deb12u4","purl":"pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&upstream=glibc&distro=debian-12"},
              {"type":"library","name":"login","version":"1:4.13+dfsg1-1","purl":"pkg:deb/debian/login@4.13%2Bdfsg1-1?arch=amd64&epoch=1&upstream=shadow%404.13%2Bdfsg1-1&distro=debian-12"},
              {"type":"library","name":"core","group":"@babel","version":"7.24.0","purl":"pkg:npm/%40babel/core@7.24.0"},
              {"type":"library","name":"commons-lang3","group":"org.apache.commons","version":"3.12.0","purl":"pkg:maven/org.apache.commons/commons-lang3@3.12.0"},
              {"type":"library","name":"no-purl","version":"1"},
              {"type":"file","name":"/etc/passwd"}
            ]}
            """);

        var read = SbomReader.Read(file);

        Assert.Equal(["dpkg|libc6|2.36-9+deb12u4|glibc|", "dpkg|login|1:4.13+dfsg1-1|shadow|4.13+dfsg1-1", "npm|@babel/core|7.24.0||", "java|org.apache.commons:commons-lang3|3.12.0||"],
            read.Packages.Select(p => $"{p.Ecosystem}|{p.Name}|{p.Version}|{p.SourceName}|{p.SourceVersion}"));
        Assert.Equal(("debian", "12"), (read.Os?.Id, read.Os?.VersionId));
        Assert.Equal(("debian:12", "sha256:abc"), (read.ImageName, read.ManifestDigest));
        Assert.Equal([$"{file}: 1 library without a package URL skipped"], read.Warnings);
    }
}
