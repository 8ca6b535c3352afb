using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;
using Strata.TestKit;

namespace Strata.Sbom.Tests.Language;

/// <summary>The wasteful fixture image's SBOM with every registered cataloger, built once for these tests.</summary>
public sealed class WastefulSbom
{
    public SbomDocument Sbom { get; } = LanguageImages.Build($"oci:{Fixtures.OciLayout}:wasteful", CatalogerRegistry.All(), CancellationToken.None).Sbom;
}

public sealed class WastefulImageTests(WastefulSbom wasteful) : IClassFixture<WastefulSbom>
{
    private IEnumerable<Package> Of(string ecosystem) => wasteful.Sbom.Packages.Where(p => p.Ecosystem == ecosystem);

    [Fact]
    public void Npm_packages_come_from_app_node_modules()
    {
        var npm = Of("npm").ToList();

        Assert.Contains(npm, p => p.Purl == "pkg:npm/lodash@4.17.15" && p.Licenses.SequenceEqual(["MIT"]));
        Assert.Contains(npm, p => p.Purl == "pkg:npm/minimist@1.2.0");
        Assert.All(npm, p => Assert.StartsWith("/app/node_modules/", p.Locations[0].Path, StringComparison.Ordinal));
        Assert.All(npm, p => Assert.Contains("/app/node_modules/", p.Locations[0].CreatedBy, StringComparison.Ordinal));
    }

    [Fact]
    public void NuGet_packages_come_from_the_dotnet_apps_deps_json_and_not_the_project()
    {
        var package = Assert.Single(Of("dotnet"));

        Assert.Equal(("Newtonsoft.Json", "12.0.1", "pkg:nuget/Newtonsoft.Json@12.0.1"), (package.Name, package.Version, package.Purl));
        var location = Assert.Single(package.Locations);
        Assert.Equal(("/opt/dotnetapp/dotnetapp.deps.json", 10), (location.Path, location.Layer));
        Assert.Contains("/opt/dotnetapp/", location.CreatedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void Commons_lang3_is_the_maven_artifact_of_its_pom_properties()
    {
        var package = Assert.Single(Of("java"));

        Assert.Equal(("org.apache.commons:commons-lang3", "3.12.0"), (package.Name, package.Version));
        Assert.Equal("pkg:maven/org.apache.commons/commons-lang3@3.12.0", package.Purl);
        Assert.Equal(("/opt/lib/commons-lang3.jar", 11), (package.Locations[0].Path, package.Locations[0].Layer));
        Assert.Contains("commons-lang3.jar", package.Locations[0].CreatedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void No_language_cataloger_warns_about_this_image() =>
        Assert.DoesNotContain(wasteful.Sbom.Warnings, w => w.StartsWith("npm:", StringComparison.Ordinal) || w.Contains("node_modules", StringComparison.Ordinal)
            || w.Contains(".deps.json", StringComparison.Ordinal) || w.Contains(".jar", StringComparison.Ordinal) || w.Contains("-info", StringComparison.Ordinal));

    [Fact]
    public void The_python_cataloger_alone_finds_debians_requests_so_only_dpkg_ownership_can_drop_it()
    {
        var (_, sbom) = LanguageImages.Build($"oci:{Fixtures.OciLayout}:wasteful", [new PythonCataloger()], TestContext.Current.CancellationToken);

        var requests = Assert.Single(sbom.Packages, p => p.Name == "requests");
        Assert.Equal(("2.28.1", "pkg:pypi/requests@2.28.1"), (requests.Version, requests.Purl));
        Assert.Equal(("/usr/lib/python3/dist-packages/requests-2.28.1.egg-info/PKG-INFO", 2), (requests.Locations[0].Path, requests.Locations[0].Layer));
    }

    /// <summary>
    /// NEEDS THE DPKG CATALOGER: requests is Debian's python3-requests, so its egg-info belongs to dpkg and SbomBuilder
    /// drops the python package only when the dpkg cataloger is registered and lists that file.
    /// </summary>
    [Fact]
    public void Debians_python3_requests_is_not_reported_as_a_pypi_package() =>
        Assert.DoesNotContain(wasteful.Sbom.Packages, p => p.Purl.StartsWith("pkg:pypi/requests@", StringComparison.Ordinal));
}
