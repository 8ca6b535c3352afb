using Strata.Sbom.Catalogers;

namespace Strata.Sbom.Tests.Language;

public sealed class DotnetCatalogerTests
{
    private const string DepsJson = "app/MyApp.deps.json";

    /// <summary>Each deps.json fixture and the purls (and warning) it gives.</summary>
    public static readonly TheoryData<string, string[], string?> Cases = new()
    {
        { "dotnet/depsjson/valid", ["pkg:nuget/AWSSDK.Core@3.7.10.6", "pkg:nuget/Microsoft.Extensions.DependencyInjection@6.0.0"], null },
        { "dotnet/depsjson/nopackagename", ["pkg:nuget/AWSSDK.Core@3.7.10.6"], "library \"Microsoft.Extensions.DependencyInjection\" has no version" },
        { "dotnet/depsjson/empty", [], "no \"libraries\" object" },
        { "dotnet/depsjson/invalid", [], "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_fixture_gives_its_packages_and_never_the_project(string fixture, string[] purls, string? warning)
    {
        var harness = new LanguageHarness(new DotnetCataloger()).File(DepsJson, LanguageFixtures.Bytes(fixture), layer: 3);

        var packages = harness.Run();

        Assert.Equal(purls, packages.Select(p => p.Purl));
        Assert.DoesNotContain(packages, p => p.Name == "TestLibrary");
        Assert.All(packages, p => Assert.Equal(("/" + DepsJson, 3), (p.Locations[0].Path, p.Locations[0].Layer)));
        if (warning is null)
        {
            Assert.Empty(harness.Warnings);
        }
        else
        {
            var message = Assert.Single(harness.Warnings);
            Assert.StartsWith($"/{DepsJson}: ", message, StringComparison.Ordinal);
            Assert.Contains(warning, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Name_and_version_come_from_the_library_key()
    {
        var packages = new LanguageHarness(new DotnetCataloger()).File(DepsJson, LanguageFixtures.Bytes("dotnet/depsjson/valid")).Run();

        Assert.Equal([("AWSSDK.Core", "3.7.10.6"), ("Microsoft.Extensions.DependencyInjection", "6.0.0")], packages.Select(p => (p.Name, p.Version)));
    }

    [Fact]
    public void A_self_contained_apps_runtime_pack_is_the_nuget_package_it_names()
    {
        const string deps = """
            {"libraries": {
              "app/1.0.0": {"type": "project"},
              "runtimepack.Microsoft.NETCore.App.Runtime.linux-x64/8.0.4": {"type": "runtimepack"},
              "System.Text.Json/8.0.0": {"type": "reference"}
            }}
            """;

        var package = Assert.Single(new LanguageHarness(new DotnetCataloger()).File(DepsJson, deps).Run());

        Assert.Equal("pkg:nuget/Microsoft.NETCore.App.Runtime.linux-x64@8.0.4", package.Purl);
    }

    [Theory]
    [InlineData("app/MyApp.deps.json", true)]
    [InlineData("usr/share/dotnet/shared/Microsoft.NETCore.App/8.0.4/Microsoft.NETCore.App.deps.json", true)]
    [InlineData("app/MyApp.runtimeconfig.json", false)]
    [InlineData("app/deps.json.bak", false)]
    public void Wants_deps_json_files(string path, bool wanted) => Assert.Equal(wanted, new DotnetCataloger().WantsPath(path));
}
