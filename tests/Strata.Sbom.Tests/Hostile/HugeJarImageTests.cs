using Strata.Analysis;
using Strata.Images.Sources;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Tests.Language;
using Strata.TestKit;

namespace Strata.Sbom.Tests.Hostile;

/// <summary>Runs alone, so that the process's allocation count is this test's own.</summary>
[CollectionDefinition(nameof(AloneCollection), DisableParallelization = true)]
public sealed class AloneCollection;

/// <summary>
/// The campaign's case end to end: an image whose layer holds six files of 250 MiB named <c>*.jar</c>. strata sbom
/// reads it with the Java cataloger and allocates a small fraction of the 1.5 GB those files hold.
/// </summary>
[Collection(nameof(AloneCollection))]
public sealed class HugeJarImageTests
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    [Fact]
    public async Task Six_jars_of_250_MiB_in_an_image_are_cataloged_in_bounded_memory()
    {
        const long Huge = 250L * 1024 * 1024;
        using var directory = new TempDirectory();
        var pom = TestZip.Pom("com.example", "real", "1.0");
        StreamedLayout.Write(directory.Path, Enumerable.Range(0, 6).Select(i => (
            $"opt/app/big{i}.jar",
            (Stream)new GeneratedJarStream(i == 2 ? GeneratedJar.Zeros(Huge) : GeneratedJar.With(Huge, descriptor: i % 2 == 1, pom)))));
        var cancellation = TestContext.Current.CancellationToken;
        using var image = await ImageOpener.OpenAsync(ImageReference.Parse("oci:" + directory.Path), new ImageSelector(), NoEngines, cancellation);
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var sbom = Bounded.Run(() => SbomBuilder.Build(image, new AnalysisOptions(), [new JavaCataloger()], null, cancellation).Sbom, long.MaxValue);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(allocated < 200 * Bounded.MiB, $"allocated {allocated} bytes while reading 1.5 GB of jars");
        Assert.All(sbom.Packages, p => Assert.Equal("pkg:maven/com.example/real@1.0", p.Purl));
        Assert.Equal(
            ["/opt/app/big0.jar", "/opt/app/big1.jar", "/opt/app/big3.jar", "/opt/app/big4.jar", "/opt/app/big5.jar"],
            sbom.Packages.Select(p => p.Locations.Single().Path).Order(StringComparer.Ordinal));
        Assert.StartsWith("/opt/app/big2.jar: not a readable archive (", Assert.Single(sbom.Warnings), StringComparison.Ordinal);
    }
}
