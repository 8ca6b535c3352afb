using Strata.Sbom.Catalogers;

namespace Strata.Sbom.Tests.Language;

public sealed class PhpCatalogerTests
{
    private const string Path = "var/www/html/vendor/composer/installed.json";

    [Fact]
    public void Composer_2_lists_packages_in_an_object()
    {
        const string installed = """
            {"packages": [
              {"name": "monolog/monolog", "version": "3.5.0", "version_normalized": "3.5.0.0", "license": ["MIT"]},
              {"name": "symfony/console", "version": "v6.4.1", "license": ["MIT", "GPL-2.0-only"]}
            ], "dev": true, "dev-package-names": []}
            """;
        var harness = new LanguageHarness(new PhpCataloger()).File(Path, installed, layer: 6);

        var packages = harness.Run();

        Assert.Empty(harness.Warnings);
        Assert.Equal(["pkg:composer/monolog/monolog@3.5.0", "pkg:composer/symfony/console@v6.4.1"], packages.Select(p => p.Purl));
        Assert.Equal(("symfony/console", "v6.4.1"), (packages[1].Name, packages[1].Version));
        Assert.Equal(["MIT", "GPL-2.0-only"], packages[1].Licenses);
        Assert.All(packages, p => Assert.Equal(("/" + Path, 6), (p.Locations[0].Path, p.Locations[0].Layer)));
    }

    [Fact]
    public void Composer_1_lists_packages_in_an_array()
    {
        const string installed = """[{"name": "guzzlehttp/guzzle", "version": "6.5.8", "license": ["MIT"]}]""";

        var package = Assert.Single(new LanguageHarness(new PhpCataloger()).File(Path, installed).Run());

        Assert.Equal("pkg:composer/guzzlehttp/guzzle@6.5.8", package.Purl);
    }

    [Fact]
    public void Broken_entries_and_files_are_warnings()
    {
        var harness = new LanguageHarness(new PhpCataloger())
            .File(Path, """{"packages": [{"name": "novendor", "version": "1"}, {"name": "a/b"}, {"name": "c/d", "version": "2.0"}]}""")
            .File("other/vendor/composer/installed.json", """{"packages": 3}""")
            .File("third/vendor/composer/installed.json", "");

        var package = Assert.Single(harness.Run());

        Assert.Equal("pkg:composer/c/d@2.0", package.Purl);
        Assert.Equal(
            [
                $"/{Path}: package 0 has no vendor/name or no version; skipped",
                $"/{Path}: package 1 has no vendor/name or no version; skipped",
                "/other/vendor/composer/installed.json: neither an array of packages nor an object with a \"packages\" array",
                "/third/vendor/composer/installed.json: empty file",
            ],
            harness.Warnings);
    }

    [Theory]
    [InlineData("vendor/composer/installed.json", true)]
    [InlineData("app/vendor/composer/installed.json", true)]
    [InlineData("app/vendor/composer/installed.php", false)]
    [InlineData("app/composer/installed.json", false)]
    public void Wants_composers_installed_json(string path, bool wanted) => Assert.Equal(wanted, new PhpCataloger().WantsPath(path));
}
