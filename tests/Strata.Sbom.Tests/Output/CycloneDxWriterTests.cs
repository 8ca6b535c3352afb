using System.Text.Json;
using Strata.Sbom.Model;

namespace Strata.Sbom.Tests.Output;

public sealed class CycloneDxWriterTests
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void A_document_with_every_awkward_case_is_valid_CycloneDX_1_6() =>
        SbomSchemas.AssertValidCycloneDx(WriteSbom.CycloneDx(SampleDocuments.Tricky, SampleDocuments.Reproducible));

    [Fact]
    public void An_image_with_no_packages_and_no_OS_is_valid_CycloneDX_1_6()
    {
        var json = WriteSbom.CycloneDx(SampleDocuments.Empty, SampleDocuments.Random);
        SbomSchemas.AssertValidCycloneDx(json);
        using var bom = JsonDocument.Parse(json);
        Assert.Empty(bom.RootElement.GetProperty("components").EnumerateArray());
        Assert.Equal(SampleDocuments.Empty.ConfigDigest, bom.RootElement.GetProperty("metadata").GetProperty("component").GetProperty("version").GetString());
    }

    [Fact]
    public void The_schema_check_itself_rejects_a_bad_licence_id_and_a_bad_timestamp()
    {
        var bad = """{"bomFormat":"CycloneDX","specVersion":"1.6","metadata":{"timestamp":"yesterday"},"components":[{"type":"library","name":"x","licenses":[{"license":{"id":"Not-A-Licence"}}]}]}"""u8.ToArray();
        var errors = SbomSchemas.CycloneDxErrors(bad);
        Assert.Contains(errors, e => e.Contains("/metadata/timestamp", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("/licenses/0/license/id", StringComparison.Ordinal));
    }

    [Fact]
    public void The_header_names_the_spec_the_tool_the_time_and_the_image()
    {
        using var bom = JsonDocument.Parse(WriteSbom.CycloneDx(SampleDocuments.Tricky, SampleDocuments.Reproducible));
        var root = bom.RootElement;
        Assert.Equal("CycloneDX", root.GetProperty("bomFormat").GetString());
        Assert.Equal("1.6", root.GetProperty("specVersion").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", root.GetProperty("serialNumber").GetString());
        var metadata = root.GetProperty("metadata");
        Assert.Equal("2023-11-14T22:13:20Z", metadata.GetProperty("timestamp").GetString());
        var tool = metadata.GetProperty("tools").GetProperty("components")[0];
        Assert.Equal(("application", "strata", "1.2.3"), (tool.GetProperty("type").GetString(), tool.GetProperty("name").GetString(), tool.GetProperty("version").GetString()));
        var image = metadata.GetProperty("component");
        Assert.Equal("container", image.GetProperty("type").GetString());
        Assert.Equal(SampleDocuments.Tricky.ImageName, image.GetProperty("name").GetString());
        Assert.Equal(SampleDocuments.Tricky.ManifestDigest, image.GetProperty("version").GetString());
    }

    [Fact]
    public void The_OS_comes_first_as_an_operating_system_component_then_every_package_in_order()
    {
        using var bom = JsonDocument.Parse(WriteSbom.CycloneDx(SampleDocuments.Tricky, SampleDocuments.Reproducible));
        var components = bom.RootElement.GetProperty("components").EnumerateArray().ToList();
        Assert.Equal(("operating-system", "debian", "12"), (components[0].GetProperty("type").GetString(), components[0].GetProperty("name").GetString(), components[0].GetProperty("version").GetString()));
        Assert.Equal(SampleDocuments.Tricky.Packages.Select(p => p.Name), components.Skip(1).Select(c => c.GetProperty("name").GetString()));
        Assert.All(components.Skip(1), c => Assert.Equal("library", c.GetProperty("type").GetString()));
        var babel = components.Single(c => c.GetProperty("name").GetString() == "@babel/core");
        Assert.Equal("pkg:npm/%40babel/core@7.24.0", babel.GetProperty("purl").GetString());
        var login = components.Single(c => c.GetProperty("name").GetString() == "login");
        Assert.Equal("1:4.13+dfsg1-1+b1", login.GetProperty("version").GetString());
        Assert.Equal("pkg:deb/debian/login@1:4.13+dfsg1-1+b1?arch=amd64&distro=debian-12", login.GetProperty("purl").GetString());
    }

    [Fact]
    public void Bom_refs_are_unique_a_shared_purl_gets_a_suffix_and_the_image_depends_on_everything()
    {
        using var bom = JsonDocument.Parse(WriteSbom.CycloneDx(SampleDocuments.Tricky, SampleDocuments.Reproducible));
        var refs = bom.RootElement.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("bom-ref").GetString()!).ToList();
        Assert.Equal(refs.Count, refs.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("pkg:pypi/requests@2.31.0", refs);
        Assert.Contains("pkg:pypi/requests@2.31.0|2", refs);
        var dependency = Assert.Single(bom.RootElement.GetProperty("dependencies").EnumerateArray());
        Assert.Equal(bom.RootElement.GetProperty("metadata").GetProperty("component").GetProperty("bom-ref").GetString(), dependency.GetProperty("ref").GetString());
        Assert.Equal(refs, dependency.GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString()));
    }

    [Theory]
    [InlineData("libc6", """[{"license":{"id":"GPL-2.0-or-later"}},{"license":{"id":"LGPL-2.1-or-later"}}]""")]
    [InlineData("login", """[{"expression":"GPL-2.0+ AND LicenseRef-public-domain AND LicenseRef-BSD-like-licence-see-copyright"}]""")]
    [InlineData("jakarta.annotation-api", """[{"expression":"EPL-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0"}]""")]
    [InlineData("dual", """[{"expression":"(MIT OR Apache-2.0) AND BSD-3-Clause"}]""")]
    [InlineData("mixed", """[{"expression":"MIT AND (Apache-2.0 OR LicenseRef-Foo-License) AND LicenseRef-Some-Custom-Licence"}]""")]
    [InlineData("requests", """[{"license":{"name":"Apache 2.0"}}]""")]
    [InlineData("zlib1g", """[{"license":{"id":"Zlib"}}]""")]
    public void Licences_become_ids_names_or_one_expression(string package, string expected)
    {
        using var bom = JsonDocument.Parse(WriteSbom.CycloneDx(SampleDocuments.Tricky, SampleDocuments.Reproducible));
        var component = bom.RootElement.GetProperty("components").EnumerateArray().First(c => c.GetProperty("name").GetString() == package);
        Assert.Equal(expected, JsonSerializer.Serialize(component.GetProperty("licenses"), Compact));
    }

    [Fact]
    public void A_package_without_licences_has_no_licenses_field()
    {
        using var bom = JsonDocument.Parse(WriteSbom.CycloneDx(SampleDocuments.Tricky, SampleDocuments.Reproducible));
        var component = bom.RootElement.GetProperty("components").EnumerateArray().First(c => c.GetProperty("name").GetString() == "unlicensed");
        Assert.False(component.TryGetProperty("licenses", out _));
    }

    [Fact]
    public void Provenance_is_in_sorted_properties_one_value_a_location_and_paths_in_evidence()
    {
        using var bom = JsonDocument.Parse(WriteSbom.CycloneDx(SampleDocuments.Tricky, SampleDocuments.Reproducible));
        var babel = bom.RootElement.GetProperty("components").EnumerateArray().First(c => c.GetProperty("name").GetString() == "@babel/core");
        var properties = babel.GetProperty("properties").EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString(), p.TryGetProperty("value", out var v) ? v.GetString() : null)).ToList();
        Assert.Equal(
        [
            ("strata:layer:createdBy", "COPY . /app # buildkit"),
            ("strata:layer:createdBy", "RUN npm ci"),
            ("strata:layer:diffId", "sha256:3333333333333333333333333333333333333333333333333333333333333333"),
            ("strata:layer:diffId", "sha256:4444444444444444444444444444444444444444444444444444444444444444"),
            ("strata:layer:index", "3"),
            ("strata:layer:index", "4"),
            ("strata:location:path", "/app/node_modules/@babel/core/package.json"),
            ("strata:location:path", "/app/node_modules/@babel/core/package.json"),
        ], properties);
        var occurrence = Assert.Single(babel.GetProperty("evidence").GetProperty("occurrences").EnumerateArray());
        Assert.Equal("/app/node_modules/@babel/core/package.json", occurrence.GetProperty("location").GetString());
    }

    [Fact]
    public void OS_packages_carry_their_source_package_and_a_layer_without_history_has_no_createdBy_value()
    {
        using var bom = JsonDocument.Parse(WriteSbom.CycloneDx(SampleDocuments.Tricky, SampleDocuments.Reproducible));
        var components = bom.RootElement.GetProperty("components").EnumerateArray().ToList();
        List<string?> Values(JsonElement component, string name) => component.GetProperty("properties").EnumerateArray()
            .Where(p => p.GetProperty("name").GetString() == name)
            .Select(p => p.TryGetProperty("value", out var v) ? v.GetString() : null).ToList();
        var login = components.First(c => c.GetProperty("name").GetString() == "login");
        Assert.Equal(new List<string?> { "shadow" }, Values(login, "strata:package:sourceName"));
        Assert.Equal(new List<string?> { "1:4.13+dfsg1-1" }, Values(login, "strata:package:sourceVersion"));
        var jakarta = components.First(c => c.GetProperty("name").GetString() == "jakarta.annotation-api");
        Assert.Equal(new List<string?> { null }, Values(jakarta, "strata:layer:createdBy"));
        Assert.Empty(Values(jakarta, "strata:package:sourceName"));
    }

    [Fact]
    public void With_a_fixed_time_two_writes_are_byte_identical()
    {
        var first = WriteSbom.CycloneDx(SampleDocuments.Tricky, SampleDocuments.Reproducible);
        var second = WriteSbom.CycloneDx(SampleDocuments.Tricky, SampleDocuments.Reproducible);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Without_a_fixed_time_the_serial_differs_each_write()
    {
        Assert.NotEqual(Serial(WriteSbom.CycloneDx(SampleDocuments.Tricky, SampleDocuments.Random)), Serial(WriteSbom.CycloneDx(SampleDocuments.Tricky, SampleDocuments.Random)));
    }

    [Fact]
    public void With_a_fixed_time_the_serial_follows_the_content()
    {
        var changed = SampleDocuments.Tricky with { Packages = SampleDocuments.Tricky.Packages.Skip(1).ToList() };
        Assert.NotEqual(Serial(WriteSbom.CycloneDx(SampleDocuments.Tricky, SampleDocuments.Reproducible)), Serial(WriteSbom.CycloneDx(changed, SampleDocuments.Reproducible)));
    }

    [Fact]
    public void A_large_document_is_written_and_stays_valid()
    {
        var packages = Enumerable.Range(0, 20_000).Select(i => new Package
        {
            Ecosystem = "npm",
            Name = $"package-{i:D5}",
            Version = "1.0.0",
            Purl = $"pkg:npm/package-{i:D5}@1.0.0",
            Licenses = ["MIT"],
            Locations = [new($"/app/node_modules/package-{i:D5}/package.json", 2, "sha256:5555555555555555555555555555555555555555555555555555555555555555", "RUN npm ci")],
        }).ToList();
        var json = WriteSbom.CycloneDx(SampleDocuments.Tricky with { Packages = packages }, SampleDocuments.Reproducible);
        using var bom = JsonDocument.Parse(json);
        Assert.Equal(20_001, bom.RootElement.GetProperty("components").GetArrayLength());
    }

    private static string Serial(byte[] json)
    {
        using var bom = JsonDocument.Parse(json);
        return bom.RootElement.GetProperty("serialNumber").GetString()!;
    }
}
