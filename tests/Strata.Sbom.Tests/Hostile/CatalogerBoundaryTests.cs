using Strata.Analysis;
using Strata.Images.Sources;
using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Catalogers.Binaries;
using Strata.Sbom.Model;
using Strata.TestKit;

namespace Strata.Sbom.Tests.Hostile;

/// <summary>
/// A cataloger that throws, as a bug on hostile input would make it: the failure becomes a warning naming the
/// cataloger or the file, never an exception type, and the other catalogers' and files' packages are kept.
/// </summary>
public sealed class CatalogerBoundaryTests
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    /// <summary>Wants <c>boom.txt</c> and fails on whatever it is given, as an unforeseen bug would.</summary>
    private sealed class ThrowingCataloger : IPackageCataloger
    {
        public string Name => "boom";

        public bool IsLanguage => true;

        public long MaxFileSize => 1024;

        public bool WantsPath(string path) => path == "boom.txt";

        public IEnumerable<Package> Catalog(CatalogContext context) => throw new InvalidOperationException("Sequence contains no elements");
    }

    /// <summary>An executable cataloger that fails on files named <c>bad</c> and finds one package in any other.</summary>
    private sealed class FlakyExecutables : ExecutableCataloger
    {
        public override string Name => "flaky";

        protected override List<Package> CatalogFile(CapturedFile file, CatalogContext context) =>
            file.Path.EndsWith("/bad", StringComparison.Ordinal)
                ? throw new NullReferenceException()
                : [new Package { Ecosystem = Name, Name = "good", Version = "1", Purl = "pkg:generic/good@1", Locations = [context.Locate(file.Layer, file.Path)] }];
    }

    private static async Task<SbomDocument> SbomAsync(LayerBuilder layer, params IPackageCataloger[] catalogers)
    {
        using var directory = new TempDirectory();
        new OciImageBuilder().Layer(layer, "RUN step 0").WriteOciLayout(directory.Path);
        var cancellation = TestContext.Current.CancellationToken;
        using var image = await ImageOpener.OpenAsync(ImageReference.Parse("oci:" + directory.Path), new ImageSelector(), NoEngines, cancellation);
        return SbomBuilder.Build(image, new AnalysisOptions(), catalogers, null, cancellation).Sbom;
    }

    /// <summary>The first bytes of a 64-bit little-endian ELF executable (e_type 2 at byte 16): enough to be chosen, not to be read.</summary>
    private static byte[] ElfHead => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, .. new byte[46]];

    [Fact]
    public async Task A_cataloger_that_throws_is_named_in_a_warning_and_the_others_run()
    {
        var layer = new LayerBuilder()
            .File("boom.txt", "anything")
            .File("var/lib/dpkg/status", "Package: good\nVersion: 1\nStatus: install ok installed\n");

        var sbom = await SbomAsync(layer, new ThrowingCataloger(), new DpkgCataloger());

        Assert.Equal("good", Assert.Single(sbom.Packages).Name);
        var warning = Assert.Single(sbom.Warnings);
        Assert.Equal("boom cataloger: failed (could not be read (Sequence contains no elements)); its packages are missing", warning);
    }

    [Fact]
    public async Task An_executable_cataloger_that_throws_on_one_file_names_it_and_reads_the_next()
    {
        var layer = new LayerBuilder().File("usr/bin/bad", ElfHead).File("usr/bin/fine", ElfHead);

        var sbom = await SbomAsync(layer, new FlakyExecutables());

        Assert.Equal("/usr/bin/fine", Assert.Single(Assert.Single(sbom.Packages).Locations).Path);
        var warning = Assert.Single(sbom.Warnings);
        Assert.StartsWith("/usr/bin/bad: could not be read (", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", warning, StringComparison.Ordinal);
    }
}
