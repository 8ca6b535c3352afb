using System.Text.Json;
using Strata.Sbom.Output.Licenses;

namespace Strata.Sbom.Tests.Output;

public sealed class SpdxWriterTests
{
    private const string SpdxIdPattern = "^SPDXRef-[A-Za-z0-9.-]+$";

    [Fact]
    public void A_document_with_every_awkward_case_is_valid_SPDX_2_3() =>
        SbomSchemas.AssertValidSpdx(WriteSbom.Spdx(SampleDocuments.Tricky, SampleDocuments.Reproducible));

    [Fact]
    public void An_image_with_no_packages_and_no_OS_is_valid_SPDX_2_3()
    {
        var json = WriteSbom.Spdx(SampleDocuments.Empty, SampleDocuments.Random);
        SbomSchemas.AssertValidSpdx(json);
        using var spdx = JsonDocument.Parse(json);
        var package = Assert.Single(spdx.RootElement.GetProperty("packages").EnumerateArray());
        Assert.Equal("CONTAINER", package.GetProperty("primaryPackagePurpose").GetString());
        Assert.False(spdx.RootElement.TryGetProperty("hasExtractedLicensingInfos", out _));
    }

    [Fact]
    public void The_schema_check_itself_rejects_a_missing_creation_info()
    {
        var bad = """{"SPDXID":"SPDXRef-DOCUMENT","spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","name":"x"}"""u8.ToArray();
        Assert.NotEmpty(SbomSchemas.SpdxErrors(bad));
    }

    [Fact]
    public void The_header_follows_the_specification()
    {
        using var spdx = JsonDocument.Parse(WriteSbom.Spdx(SampleDocuments.Tricky, SampleDocuments.Reproducible));
        var root = spdx.RootElement;
        Assert.Equal("SPDX-2.3", root.GetProperty("spdxVersion").GetString());
        Assert.Equal("CC0-1.0", root.GetProperty("dataLicense").GetString());
        Assert.Equal("SPDXRef-DOCUMENT", root.GetProperty("SPDXID").GetString());
        Assert.Equal(SampleDocuments.Tricky.ImageName, root.GetProperty("name").GetString());
        Assert.Matches(
            "^https://strata.invalid/spdx/registry.example.com-team-app-1.0-[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$",
            root.GetProperty("documentNamespace").GetString());
        Assert.True(Uri.IsWellFormedUriString(root.GetProperty("documentNamespace").GetString(), UriKind.Absolute));
        var creation = root.GetProperty("creationInfo");
        Assert.Equal("2023-11-14T22:13:20Z", creation.GetProperty("created").GetString());
        Assert.Equal(["Tool: strata-1.2.3"], creation.GetProperty("creators").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void Every_SPDXID_is_unique_and_made_of_letters_digits_dots_and_dashes()
    {
        using var spdx = JsonDocument.Parse(WriteSbom.Spdx(SampleDocuments.Tricky, SampleDocuments.Reproducible));
        var ids = spdx.RootElement.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("SPDXID").GetString()!).ToList();
        Assert.All(ids, id => Assert.Matches(SpdxIdPattern, id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("SPDXRef-Package-npm--babel-core-7.24.0", ids);
        Assert.Contains("SPDXRef-Package-dpkg-login-1-4.13-dfsg1-1-b1", ids);
        Assert.Contains("SPDXRef-Package-python-requests-2.31.0", ids);
        Assert.Contains("SPDXRef-Package-python-requests-2.31.0-2", ids);
    }

    [Fact]
    public void Packages_say_what_was_not_analysed_and_carry_their_purl_and_where_they_were_found()
    {
        using var spdx = JsonDocument.Parse(WriteSbom.Spdx(SampleDocuments.Tricky, SampleDocuments.Reproducible));
        var packages = spdx.RootElement.GetProperty("packages").EnumerateArray().ToList();
        Assert.Equal(SampleDocuments.Tricky.Packages.Count + 2, packages.Count);
        foreach (var package in packages)
        {
            Assert.Equal("NOASSERTION", package.GetProperty("downloadLocation").GetString());
            Assert.False(package.GetProperty("filesAnalyzed").GetBoolean());
            Assert.Equal("NOASSERTION", package.GetProperty("licenseConcluded").GetString());
            Assert.Equal("NOASSERTION", package.GetProperty("copyrightText").GetString());
        }
        var os = packages[1];
        Assert.Equal(("debian", "12", "OPERATING_SYSTEM"), (os.GetProperty("name").GetString(), os.GetProperty("versionInfo").GetString(), os.GetProperty("primaryPackagePurpose").GetString()));
        var babel = packages.Single(p => p.GetProperty("name").GetString() == "@babel/core");
        var reference = Assert.Single(babel.GetProperty("externalRefs").EnumerateArray());
        Assert.Equal(("PACKAGE-MANAGER", "purl", "pkg:npm/%40babel/core@7.24.0"),
            (reference.GetProperty("referenceCategory").GetString(), reference.GetProperty("referenceType").GetString(), reference.GetProperty("referenceLocator").GetString()));
        Assert.Equal(
            "found by the npm cataloger at /app/node_modules/@babel/core/package.json in layer 3 (sha256:3333333333333333333333333333333333333333333333333333333333333333), added by: COPY . /app # buildkit; "
            + "at /app/node_modules/@babel/core/package.json in layer 4 (sha256:4444444444444444444444444444444444444444444444444444444444444444), added by: RUN npm ci",
            babel.GetProperty("sourceInfo").GetString());
        var login = packages.Single(p => p.GetProperty("name").GetString() == "login");
        Assert.Equal("source package: shadow 1:4.13+dfsg1-1", login.GetProperty("comment").GetString());
    }

    [Theory]
    [InlineData("libc6", "GPL-2.0-or-later AND LGPL-2.1-or-later")]
    [InlineData("login", "GPL-2.0+ AND LicenseRef-public-domain AND LicenseRef-BSD-like-licence-see-copyright")]
    [InlineData("zlib1g", "Zlib")]
    [InlineData("jakarta.annotation-api", "EPL-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0")]
    [InlineData("dual", "(MIT OR Apache-2.0) AND BSD-3-Clause")]
    [InlineData("mixed", "MIT AND (Apache-2.0 OR LicenseRef-Foo-License) AND LicenseRef-Some-Custom-Licence")]
    [InlineData("requests", "LicenseRef-Apache-2.0")]
    [InlineData("unlicensed", "NOASSERTION")]
    public void The_declared_licence_is_a_valid_expression_or_NOASSERTION(string package, string expected)
    {
        using var spdx = JsonDocument.Parse(WriteSbom.Spdx(SampleDocuments.Tricky, SampleDocuments.Reproducible));
        var written = spdx.RootElement.GetProperty("packages").EnumerateArray().First(p => p.GetProperty("name").GetString() == package);
        Assert.Equal(expected, written.GetProperty("licenseDeclared").GetString());
    }

    [Fact]
    public void Every_LicenseRef_used_is_defined_once_with_its_text()
    {
        using var spdx = JsonDocument.Parse(WriteSbom.Spdx(SampleDocuments.Tricky, SampleDocuments.Reproducible));
        var defined = spdx.RootElement.GetProperty("hasExtractedLicensingInfos").EnumerateArray()
            .ToDictionary(i => i.GetProperty("licenseId").GetString()!, i => i.GetProperty("extractedText").GetString()!);
        Assert.Equal(defined.Keys.Order(StringComparer.Ordinal), defined.Keys);
        var used = spdx.RootElement.GetProperty("packages").EnumerateArray()
            .SelectMany(p => p.GetProperty("licenseDeclared").GetString()!.Split(' ', '(', ')'))
            .Where(t => t.StartsWith("LicenseRef-", StringComparison.Ordinal))
            .ToHashSet();
        Assert.Equal(used.Order(StringComparer.Ordinal), defined.Keys);
        Assert.Equal("Apache 2.0", defined["LicenseRef-Apache-2.0"]);
        Assert.Equal("BSD-like licence, see copyright", defined["LicenseRef-BSD-like-licence-see-copyright"]);
    }

    [Fact]
    public void Every_declared_licence_parses_back_to_itself_with_nothing_unknown()
    {
        using var spdx = JsonDocument.Parse(WriteSbom.Spdx(SampleDocuments.Tricky, SampleDocuments.Reproducible));
        foreach (var declared in spdx.RootElement.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("licenseDeclared").GetString()!))
        {
            if (declared == "NOASSERTION")
            {
                continue;
            }
            var parsed = LicenseExpression.Parse(declared, unknown => throw new InvalidOperationException($"{unknown} in {declared}"));
            Assert.NotEqual(LicenseKind.Name, parsed.Kind);
            Assert.Equal(declared, parsed.Text);
        }
    }

    [Fact]
    public void The_document_describes_the_image_which_contains_its_OS_and_every_package()
    {
        using var spdx = JsonDocument.Parse(WriteSbom.Spdx(SampleDocuments.Tricky, SampleDocuments.Reproducible));
        var relationships = spdx.RootElement.GetProperty("relationships").EnumerateArray()
            .Select(r => (r.GetProperty("spdxElementId").GetString()!, r.GetProperty("relationshipType").GetString()!, r.GetProperty("relatedSpdxElement").GetString()!))
            .ToList();
        var ids = spdx.RootElement.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("SPDXID").GetString()!).ToList();
        Assert.Equal(("SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-Image"), relationships[0]);
        Assert.Equal(ids.Skip(1).Select(id => ("SPDXRef-Image", "CONTAINS", id)), relationships.Skip(1));
    }

    [Fact]
    public void With_a_fixed_time_two_writes_are_byte_identical()
    {
        Assert.Equal(WriteSbom.Spdx(SampleDocuments.Tricky, SampleDocuments.Reproducible), WriteSbom.Spdx(SampleDocuments.Tricky, SampleDocuments.Reproducible));
    }

    [Fact]
    public void Without_a_fixed_time_the_namespace_differs_each_write()
    {
        Assert.NotEqual(Namespace(WriteSbom.Spdx(SampleDocuments.Tricky, SampleDocuments.Random)), Namespace(WriteSbom.Spdx(SampleDocuments.Tricky, SampleDocuments.Random)));
    }

    [Fact]
    public void With_a_fixed_time_the_namespace_follows_the_content()
    {
        var changed = SampleDocuments.Tricky with { Packages = SampleDocuments.Tricky.Packages.Skip(1).ToList() };
        Assert.NotEqual(Namespace(WriteSbom.Spdx(SampleDocuments.Tricky, SampleDocuments.Reproducible)), Namespace(WriteSbom.Spdx(changed, SampleDocuments.Reproducible)));
    }

    private static string Namespace(byte[] json)
    {
        using var spdx = JsonDocument.Parse(json);
        return spdx.RootElement.GetProperty("documentNamespace").GetString()!;
    }
}
