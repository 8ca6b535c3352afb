using Strata.Sbom.Catalogers;

namespace Strata.Sbom.Tests.Language;

public sealed class NpmCatalogerTests
{
    /// <summary>Each javascript fixture, where it is installed in the image, and the package (or the warning) it gives.</summary>
    public static readonly TheoryData<string, string, string?, string?, string?> Cases = new()
    {
        { "javascript/packagejson/deps/accepts/package.json", "app/node_modules/accepts/package.json", "pkg:npm/accepts@1.3.8", "MIT", null },
        { "javascript/packagejson/deps/acorn-globals/package.json", "app/node_modules/acorn-globals/package.json", null, null, "no \"version\" for acorn-globals" },
        { "javascript/packagejson/deps/acorn/package.json", "app/node_modules/acorn/package.json", null, null, "no \"name\"" },
        { "javascript/packagejson/deps/no-person-name/package.json", "app/node_modules/no-person-name/package.json", "pkg:npm/accepts@1.3.8", "MIT", null },
        { "javascript/packagejson/deps/window-size/package.json", "app/node_modules/window-size/package.json", null, null, "no \"name\"" },
        { "javascript/packagejson/deps/with/deps/acorn/package.json", "app/node_modules/with/node_modules/acorn/package.json", "pkg:npm/acorn@1.2.2", "MIT", null },
        { "javascript/packagejson/duplicate-keys.json", "node_modules/duplicate-keys/package.json", "pkg:npm/duplicate-keys@1.0.0", null, null },
        { "javascript/packagejson/invalid", "app/node_modules/invalid/package.json", null, null, "not valid JSON" },
        { "javascript/packagejson/not-vscode.json", "app/node_modules/jsonparse/package.json", "pkg:npm/jsonparse@1.3.1", "MIT", null },
        { "javascript/packagejson/package-with-deps.json", "app/node_modules/package-with-deps/package.json", "pkg:npm/package-with-deps@1.2.3", null, null },
        { "javascript/packagejson/package.json", "usr/lib/node_modules/testdata/package.json", "pkg:npm/testdata@10.46.8", null, null },
        { "javascript/packagejson/test.js", "app/node_modules/test/package.json", null, null, "not valid JSON" },
        { "javascript/packagejson/undici-package.json", "app/node_modules/undici/package.json", "pkg:npm/undici@5.28.3", "MIT", null },
        { "javascript/packagejson/unity-package.json", "app/node_modules/org.khronos.unitygltf/package.json", "pkg:npm/org.khronos.unitygltf@2.13.0", null, null },
        { "javascript/packagejson/vscode-extension-only-required.json", "app/node_modules/grunt/package.json", "pkg:npm/grunt@1.0.0", null, null },
        { "javascript/packagejson/vscode-extension.json", "app/node_modules/pug/package.json", "pkg:npm/pug@1.0.0", "MIT", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_fixture_gives_its_package_or_a_warning_naming_the_file(string fixture, string path, string? purl, string? license, string? warning)
    {
        var harness = new LanguageHarness(new NpmCataloger()).File(path, LanguageFixtures.Bytes(fixture), layer: 2);

        var packages = harness.Run();

        if (purl is null)
        {
            Assert.Empty(packages);
            var message = Assert.Single(harness.Warnings);
            Assert.StartsWith($"/{path}: ", message, StringComparison.Ordinal);
            Assert.Contains(warning!, message, StringComparison.Ordinal);
            return;
        }
        Assert.Empty(harness.Warnings);
        var package = Assert.Single(packages);
        Assert.Equal(purl, package.Purl);
        Assert.Equal(license is null ? [] : [license], package.Licenses);
        var location = Assert.Single(package.Locations);
        Assert.Equal(("/" + path, 2, "RUN step 2"), (location.Path, location.Layer, location.CreatedBy));
    }

    [Fact]
    public void The_name_and_version_come_from_the_manifest()
    {
        var package = Assert.Single(new LanguageHarness(new NpmCataloger())
            .File("app/node_modules/accepts/package.json", LanguageFixtures.Bytes("javascript/packagejson/deps/accepts/package.json")).Run());

        Assert.Equal(("accepts", "1.3.8"), (package.Name, package.Version));
    }

    [Theory]
    [InlineData("node_modules/lodash/package.json", true)]
    [InlineData("app/node_modules/lodash/package.json", true)]
    [InlineData("app/node_modules/@babel/core/package.json", true)]
    [InlineData("app/node_modules/a/node_modules/b/package.json", true)]
    [InlineData("app/node_modules/a/node_modules/@s/b/package.json", true)]
    [InlineData("app/node_modules/.pnpm/lodash@4.17.21/node_modules/lodash/package.json", true)]
    [InlineData("app/package.json", true)]
    [InlineData("package.json", true)]
    [InlineData("srv/node_modules_backup/package.json", true)]
    [InlineData("app/node_modules/lodash/lib/package.json", false)]
    [InlineData("app/node_modules/@babel/package.json", false)]
    [InlineData("app/node_modules/@babel/core/lib/package.json", false)]
    [InlineData("app/node_modules/.pnpm/package.json", false)]
    [InlineData("app/node_modules/package.json", false)]
    [InlineData("app/node_modules/lodash/package.json.bak", false)]
    public void Wants_package_folders_directly_under_node_modules_and_applications_outside_node_modules(string path, bool wanted) =>
        Assert.Equal(wanted, new NpmCataloger().WantsPath(path));

    [Fact]
    public void A_scoped_package_has_its_scope_as_the_purl_namespace()
    {
        var package = Assert.Single(new LanguageHarness(new NpmCataloger())
            .File("app/node_modules/@babel/core/package.json", """{"name": "@babel/core", "version": "7.24.0", "license": "MIT"}""").Run());

        Assert.Equal(("@babel/core", "7.24.0"), (package.Name, package.Version));
        Assert.Equal("pkg:npm/%40babel/core@7.24.0", package.Purl);
    }

    [Theory]
    [InlineData("""{"name": "a", "version": "1.0.0", "license": {"type": "ISC", "url": "https://example.com"}}""", "ISC")]
    [InlineData("""{"name": "a", "version": "1.0.0", "licenses": [{"type": "MIT"}, {"type": "Apache-2.0"}]}""", "MIT OR Apache-2.0")]
    [InlineData("""{"name": "a", "version": "1.0.0", "licenses": ["MIT", {"type": "GPL-2.0-only OR MIT"}]}""", "MIT OR (GPL-2.0-only OR MIT)")]
    [InlineData("""{"name": "a", "version": "1.0.0", "licenses": [{"type": "BSD-3-Clause"}]}""", "BSD-3-Clause")]
    [InlineData("""{"name": "a", "version": "1.0.0", "license": "(MIT OR Apache-2.0)"}""", "(MIT OR Apache-2.0)")]
    public void Licences_come_as_a_string_an_object_or_the_legacy_array(string manifest, string expected)
    {
        var package = Assert.Single(new LanguageHarness(new NpmCataloger()).File("node_modules/a/package.json", manifest).Run());

        Assert.Equal([expected], package.Licenses);
    }

    [Fact]
    public void Only_visible_files_count_and_each_package_is_located_at_the_layer_that_stored_it()
    {
        var harness = new LanguageHarness(new NpmCataloger())
            .File("app/node_modules/lodash/package.json", """{"name": "lodash", "version": "4.17.15"}""", layer: 1, visible: false)
            .File("app/node_modules/lodash/package.json", """{"name": "lodash", "version": "4.17.21"}""", layer: 3)
            .File("app/node_modules/gone/package.json", """{"name": "gone", "version": "1.0.0"}""", layer: 1, visible: false);

        var package = Assert.Single(harness.Run());

        Assert.Equal("pkg:npm/lodash@4.17.21", package.Purl);
        Assert.Equal(3, Assert.Single(package.Locations).Layer);
    }

    [Fact]
    public void A_manifest_that_is_not_an_object_is_a_warning()
    {
        var harness = new LanguageHarness(new NpmCataloger()).File("node_modules/a/package.json", "[1, 2]");

        Assert.Empty(harness.Run());
        Assert.Equal(["/node_modules/a/package.json: not a JSON object"], harness.Warnings);
    }
}
