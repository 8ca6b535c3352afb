using Strata.Sbom.Catalogers;
using Strata.Sbom.Tests.Language;

namespace Strata.Sbom.Tests.Hostile;

/// <summary>A zipped Python egg streams through the same reducer as a jar, keeping only its PKG-INFO.</summary>
public sealed class StreamedEggTests
{
    private const string Egg = "usr/lib/python3/site-packages/good-1.0-py3.11.egg";

    [Fact]
    public void A_reduced_egg_keeps_its_pkg_info_and_gives_its_package()
    {
        var egg = TestZip.Create(
            ("lib/big.bin", new byte[1024 * 1024]),
            TestZip.Text("EGG-INFO/PKG-INFO", "Metadata-Version: 1.1\nName: good\nVersion: 1.0\nLicense: MIT\n"),
            TestZip.Text("good/__init__.py", "print('hello')\n"));
        var warnings = new List<string>();
        var reducer = new PythonCataloger().Reducer(Egg, warnings.Add)!;
        reducer.Write(egg);

        var reduced = reducer.Complete();

        Assert.Empty(warnings);
        Assert.True(reduced.Length < 512, $"reduced to {reduced.Length} bytes");
        var harness = new LanguageHarness(new PythonCataloger()).File(Egg, reduced);
        var package = Assert.Single(harness.Run());
        Assert.Equal(("good", "1.0", "pkg:pypi/good@1.0", "MIT"), (package.Name, package.Version, package.Purl, package.Licenses.Single()));
        Assert.Empty(harness.Warnings);
    }

    [Fact]
    public void Metadata_files_are_held_whole_not_reduced() =>
        Assert.Null(new PythonCataloger().Reducer("usr/lib/python3/site-packages/good-1.0.dist-info/METADATA", _ => { }));
}
