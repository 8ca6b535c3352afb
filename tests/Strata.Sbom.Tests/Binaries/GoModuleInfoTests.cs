using Strata.Sbom.Catalogers.Go;
using Strata.Sbom.Model;

namespace Strata.Sbom.Tests.Binaries;

public sealed class GoModuleInfoTests
{
    private static readonly PackageLocation Location = new("/app", 0, "sha256:layer0", null);

    [Fact]
    public void A_module_replaced_by_a_local_directory_keeps_its_path_with_the_replacements_version()
    {
        var modules = GoModuleInfo.Parse(
            "path\texample.com/app\nmod\texample.com/app\t(devel)\t\n"
            + "dep\texample.com/lib\tv1.0.0\n=>\t../lib\t(devel)\t\n"
            + "dep\tgolang.org/x/text\tv0.14.0\th1:xyz=\n"
            + "build\t-ldflags=\"-s -w\"\nbuild\tGOARCH=amd64\n");

        var packages = GoModulePackages.From(new GoBuildInfo("go1.22.3 X:boringcrypto", ""), modules, Location);

        Assert.Empty(modules.Problems);
        Assert.Equal("-s -w", modules.Settings["-ldflags"]);
        Assert.Equal(
            ["example.com/app@(devel)", "example.com/lib@(devel)", "golang.org/x/text@v0.14.0", "stdlib@v1.22.3"],
            packages.Select(p => $"{p.Name}@{p.Version}"));
        Assert.Equal("pkg:golang/golang.org/x/text@v0.14.0", packages[2].Purl);
    }

    [Theory]
    [InlineData("go1.21.5", "v1.21.5")]
    [InlineData("go1.22.3 X:boringcrypto", "v1.22.3")]
    [InlineData("go1.21rc2", "v1.21rc2")]
    [InlineData("devel go1.23-4f8e5a1 Tue Apr 2 17:49:11 2024 +0000", null)]
    public void The_stdlib_version_is_the_toolchain_version_with_a_v(string goVersion, string? expected) =>
        Assert.Equal(expected, GoModulePackages.StdlibVersion(goVersion));

    [Fact]
    public void Lines_that_are_not_understood_are_named_and_the_rest_is_kept()
    {
        var modules = GoModuleInfo.Parse("mod\texample.com/app\tv1.0.0\nwhat\tis this\n=>\torphan\tv1\t\ndep\texample.com/x\tv0.1.0\t\n");

        Assert.Equal(["line 2 ('what\tis this') is not understood", "line 3 ('=>\torphan\tv1\t') is not understood"], modules.Problems);
        Assert.Equal("example.com/x", Assert.Single(modules.Dependencies).Path);
    }

    [Fact]
    public void A_module_path_without_a_slash_has_no_purl_namespace() =>
        Assert.Equal("pkg:golang/stdlib@v1.21.5", GoModulePackages.Purl("stdlib", "v1.21.5"));
}
