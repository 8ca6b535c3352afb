using System.Text.Json;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;
using Strata.Sbom.Output;
using Strata.Sbom.Tests.Output;
using Strata.TestKit;

namespace Strata.Sbom.Tests.Language;

/// <summary>
/// The image's own applications beside their installed dependencies: a package.json outside node_modules and a
/// project's composer.json with its composer.lock, on a hand-made image that also holds node_modules and vendor
/// folders. The applications are flagged as such, composer's development packages as development dependencies, and
/// both standard formats carry the flags (CycloneDX <c>type</c> and <c>scope</c>, SPDX <c>DEV_DEPENDENCY_OF</c>).
/// </summary>
public sealed class ApplicationManifestTests
{
    private static readonly SbomWriteOptions Options = new(DateTimeOffset.UnixEpoch, Guid.Empty, "test");

    /// <summary>Built once per test: the image is small.</summary>
    private static SbomDocument Sbom()
    {
        using var directory = new TempDirectory();
        new OciImageBuilder()
            .Layer(new LayerBuilder()
                .File("app/package.json", """{"name": "shop-frontend", "version": "2.4.1", "license": "Apache-2.0", "dependencies": {"lodash": "^4.17.21"}}""")
                .File("app/node_modules/lodash/package.json", """{"name": "lodash", "version": "4.17.21", "license": "MIT"}""")
                .File("app/node_modules/lodash/lib/package.json", """{"name": "lodash-lib", "version": "0.0.0"}""")
                .File("app/node_modules/@babel/core/package.json", """{"name": "@babel/core", "version": "7.24.0", "license": "MIT"}""")
                .File("srv/scripts/package.json", """{"private": true, "scripts": {"build": "tsc"}}"""), "COPY app /app")
            .Layer(new LayerBuilder()
                .File("var/www/shop/composer.json", """{"name": "acme/shop", "version": "1.2.0", "license": "proprietary", "require": {"monolog/monolog": "^3.5"}, "require-dev": {"phpunit/phpunit": "^10.5"}}""")
                .File("var/www/shop/composer.lock", """
                    {"packages": [{"name": "monolog/monolog", "version": "3.5.0", "license": ["MIT"]}],
                     "packages-dev": [{"name": "phpunit/phpunit", "version": "10.5.0", "license": ["BSD-3-Clause"]}]}
                    """)
                .File("var/www/shop/vendor/composer/installed.json", """
                    {"packages": [{"name": "monolog/monolog", "version": "3.5.0", "license": ["MIT"]},
                                  {"name": "phpunit/phpunit", "version": "10.5.0", "license": ["BSD-3-Clause"]}],
                     "dev": true, "dev-package-names": ["phpunit/phpunit"]}
                    """)
                .File("var/www/shop/vendor/monolog/monolog/composer.json", """{"name": "monolog/monolog", "version": "3.5.0"}""")
                .File("opt/tool/composer.json", """{"name": "acme/tool", "version": "0.3.0"}""")
                .File("opt/tool/composer.lock", """
                    {"packages": [{"name": "guzzlehttp/guzzle", "version": "7.8.1", "license": ["MIT"]}],
                     "packages-dev": [{"name": "mockery/mockery", "version": "1.6.7", "license": ["BSD-3-Clause"]}]}
                    """), "COPY shop /var/www/shop")
            .WriteOciLayout(directory.Path);
        return LanguageImages.Build("oci:" + directory.Path, [new NpmCataloger(), new PhpCataloger()], TestContext.Current.CancellationToken).Sbom;
    }

    [Fact]
    public void A_package_json_outside_node_modules_is_the_application_beside_its_installed_packages()
    {
        var sbom = Sbom();

        var npm = sbom.Packages.Where(p => p.Ecosystem == "npm").ToList();
        Assert.Equal(["pkg:npm/%40babel/core@7.24.0", "pkg:npm/lodash@4.17.21", "pkg:npm/shop-frontend@2.4.1"], npm.Select(p => p.Purl).Order(StringComparer.Ordinal));
        var application = Assert.Single(npm, p => p.IsApplication);
        Assert.Equal(("shop-frontend", "2.4.1", "/app/package.json"), (application.Name, application.Version, application.Locations.Single().Path));
        Assert.Equal(["Apache-2.0"], application.Licenses);
        Assert.All(npm, p => Assert.False(p.IsDevelopment));
        Assert.Empty(sbom.Warnings);
    }

    [Fact]
    public void A_composer_project_is_the_application_and_its_dev_packages_are_development_dependencies()
    {
        var sbom = Sbom();

        var composer = sbom.Packages.Where(p => p.Ecosystem == "php").ToDictionary(p => p.Purl, p => p);
        Assert.Equal(
            ["pkg:composer/acme/shop@1.2.0", "pkg:composer/acme/tool@0.3.0", "pkg:composer/guzzlehttp/guzzle@7.8.1", "pkg:composer/mockery/mockery@1.6.7",
             "pkg:composer/monolog/monolog@3.5.0", "pkg:composer/phpunit/phpunit@10.5.0"],
            composer.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(6, sbom.Packages.Count(p => p.Ecosystem == "php"));
        Assert.Equal(["pkg:composer/acme/shop@1.2.0", "pkg:composer/acme/tool@0.3.0"], composer.Values.Where(p => p.IsApplication).Select(p => p.Purl).Order(StringComparer.Ordinal));
        Assert.Equal(["pkg:composer/mockery/mockery@1.6.7", "pkg:composer/phpunit/phpunit@10.5.0"], composer.Values.Where(p => p.IsDevelopment).Select(p => p.Purl).Order(StringComparer.Ordinal));
        // Installed packages are told by installed.json; the lock speaks only where nothing was installed.
        Assert.Equal("/var/www/shop/vendor/composer/installed.json", composer["pkg:composer/phpunit/phpunit@10.5.0"].Locations.Single().Path);
        Assert.Equal("/opt/tool/composer.lock", composer["pkg:composer/mockery/mockery@1.6.7"].Locations.Single().Path);
        Assert.Equal(["proprietary"], composer["pkg:composer/acme/shop@1.2.0"].Licenses);
        Assert.Empty(sbom.Warnings);
    }

    [Fact]
    public void CycloneDx_writes_the_applications_as_application_components_and_dev_packages_with_optional_scope()
    {
        var json = WriteSbom.CycloneDx(Sbom(), Options);

        SbomSchemas.AssertValidCycloneDx(json);
        using var document = JsonDocument.Parse(json);
        var components = document.RootElement.GetProperty("components").EnumerateArray().Where(c => c.TryGetProperty("purl", out _))
            .ToDictionary(c => c.GetProperty("purl").GetString()!, c => c);
        string Type(string purl) => components[purl].GetProperty("type").GetString()!;
        string? Scope(string purl) => components[purl].TryGetProperty("scope", out var scope) ? scope.GetString() : null;
        Assert.Equal(("application", "application", "library", "library"),
            (Type("pkg:npm/shop-frontend@2.4.1"), Type("pkg:composer/acme/shop@1.2.0"), Type("pkg:npm/lodash@4.17.21"), Type("pkg:composer/phpunit/phpunit@10.5.0")));
        Assert.Equal(("optional", "optional", null, null),
            (Scope("pkg:composer/phpunit/phpunit@10.5.0"), Scope("pkg:composer/mockery/mockery@1.6.7"), Scope("pkg:composer/monolog/monolog@3.5.0"), Scope("pkg:npm/shop-frontend@2.4.1")));
    }

    [Fact]
    public void Spdx_marks_the_applications_and_relates_each_dev_package_to_the_application_of_its_folder()
    {
        var json = WriteSbom.Spdx(Sbom(), Options);

        SbomSchemas.AssertValidSpdx(json);
        using var document = JsonDocument.Parse(json);
        var ids = document.RootElement.GetProperty("packages").EnumerateArray()
            .Where(p => p.TryGetProperty("externalRefs", out _))
            .ToDictionary(p => p.GetProperty("externalRefs")[0].GetProperty("referenceLocator").GetString()!, p => p.GetProperty("SPDXID").GetString()!);
        var applications = document.RootElement.GetProperty("packages").EnumerateArray()
            .Where(p => p.TryGetProperty("primaryPackagePurpose", out var purpose) && purpose.GetString() == "APPLICATION")
            .Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["acme/shop", "acme/tool", "shop-frontend"], applications);
        var dev = document.RootElement.GetProperty("relationships").EnumerateArray()
            .Where(r => r.GetProperty("relationshipType").GetString() == "DEV_DEPENDENCY_OF")
            .Select(r => (r.GetProperty("spdxElementId").GetString(), r.GetProperty("relatedSpdxElement").GetString()))
            .ToHashSet();
        Assert.Equal(
            new HashSet<(string?, string?)>
            {
                (ids["pkg:composer/phpunit/phpunit@10.5.0"], ids["pkg:composer/acme/shop@1.2.0"]),
                (ids["pkg:composer/mockery/mockery@1.6.7"], ids["pkg:composer/acme/tool@0.3.0"]),
            },
            dev);
    }

    [Theory]
    [InlineData("cyclonedx")]
    [InlineData("spdx")]
    public void The_flags_survive_a_round_trip(string format)
    {
        var sbom = Sbom();
        var json = format == "spdx" ? WriteSbom.Spdx(sbom, Options) : WriteSbom.CycloneDx(sbom, Options);
        using var file = new TempDirectory();
        File.WriteAllBytes(file.File("sbom.json"), json);

        var read = Strata.Sbom.Input.SbomReader.Read(file.File("sbom.json"));

        Assert.Equal(
            sbom.Packages.Select(p => (p.Purl, p.IsApplication, p.IsDevelopment)).Order(),
            read.Packages.Select(p => (p.Purl, p.IsApplication, p.IsDevelopment)).Order());
    }
}
