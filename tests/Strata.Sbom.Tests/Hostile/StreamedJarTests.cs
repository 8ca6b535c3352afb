using System.Text;
using Strata.Analysis.Reading;
using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Catalogers.Language;
using Strata.Sbom.Model;
using Strata.Sbom.Tests.Language;

namespace Strata.Sbom.Tests.Hostile;

/// <summary>
/// Java archives stream through a reducer that keeps only the entries read: six archives of 250 MiB are cataloged
/// without being held, and a reduced archive gives exactly what the whole one gives.
/// </summary>
public sealed class StreamedJarTests
{
    private const long Huge = 250L * 1024 * 1024;

    private static (string, byte[]) Pom(string artifact, string version) => TestZip.Pom("com.example", artifact, version);

    [Fact]
    public void Six_archives_of_250_MiB_are_cataloged_without_being_held()
    {
        var jars = new (string Path, GeneratedJar Jar)[]
        {
            ("opt/big0.jar", GeneratedJar.With(Huge, descriptor: false, Pom("first", "1.0"))),
            ("opt/big1.jar", GeneratedJar.With(Huge, descriptor: true, Pom("second", "2.0"))),
            ("opt/big2.jar", GeneratedJar.Zeros(Huge)),
            ("opt/big3.jar", GeneratedJar.Nesting("BOOT-INF/lib/inner.jar", GeneratedJar.With(Huge, descriptor: true, Pom("inner", "3.0")))),
            ("opt/big4.jar", GeneratedJar.With(Huge, descriptor: false, TestZip.Text("META-INF/MANIFEST.MF", "Implementation-Title: fourth\nImplementation-Version: 4.0\n"))),
            ("opt/big5.jar", GeneratedJar.With(Huge, descriptor: true, Pom("sixth", "6.0"))),
        };
        var warnings = new List<string>();

        var packages = Bounded.Run(
            () =>
            {
                var captor = new PackageCaptor([new JavaCataloger()], warnings.Add, LanguageHarness.Locate);
                foreach (var (path, jar) in jars)
                {
                    IFileSink? sink = null;
                    jar.Stream(
                        512,
                        head => sink = captor.Open(0, path, jar.Length, 0x1A4, head) ?? throw new InvalidOperationException($"{path} not captured"),
                        chunk => sink!.Write(chunk.Span));
                    sink!.Complete();
                }
                var context = new CatalogContext(captor.FilesFor("java").ToList(), null, warnings.Add, LanguageHarness.Locate);
                return new JavaCataloger().Catalog(context).ToList();
            },
            64 * Bounded.MiB);

        Assert.Equal(
            ["pkg:maven/com.example/first@1.0", "pkg:maven/com.example/second@2.0", "pkg:maven/com.example/inner@3.0", "pkg:maven/fourth@4.0", "pkg:maven/com.example/sixth@6.0"],
            packages.Select(p => p.Purl));
        Assert.Equal("/opt/big3.jar", packages[2].Locations.Single().Path);
        Assert.StartsWith("/opt/big2.jar: not a readable archive (", Assert.Single(warnings), StringComparison.Ordinal);
    }

    /// <summary>The archive reduced as it would stream past in chunks of <paramref name="chunk"/> bytes, and what the reducer said.</summary>
    private static (byte[] Reduced, List<string> Warnings) Reduce(byte[] archive, int chunk)
    {
        var warnings = new List<string>();
        var reducer = new JavaCataloger().Reducer("opt/app.jar", warnings.Add)!;
        for (var at = 0; at < archive.Length; at += chunk)
        {
            reducer.Write(archive.AsSpan(at, Math.Min(chunk, archive.Length - at)));
        }
        return (reducer.Complete(), warnings);
    }

    private static (List<string> Purls, List<string> Warnings) Catalog(byte[] archive)
    {
        var harness = new LanguageHarness(new JavaCataloger()).File("opt/app.jar", archive);
        return (harness.Run().Select(p => p.Purl).ToList(), harness.Warnings);
    }

    public static TheoryData<string, int> FixturesByChunk()
    {
        var data = new TheoryData<string, int>();
        foreach (var fixture in JavaCatalogerTests.Archives.Select(row => row.Data.Item1))
        {
            foreach (var chunk in new[] { 1, 7, 4096 })
            {
                data.Add(fixture, chunk);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FixturesByChunk))]
    public void A_reduced_fixture_archive_gives_what_the_whole_one_gives(string fixture, int chunk)
    {
        var archive = LanguageFixtures.Bytes(fixture);
        var (reduced, reducerWarnings) = Reduce(archive, chunk);

        Assert.Empty(reducerWarnings);
        Assert.True(reduced.Length <= archive.Length + 64, $"reduced to {reduced.Length} bytes from {archive.Length}");
        var (purls, warnings) = Catalog(reduced);
        var (wholePurls, wholeWarnings) = Catalog(archive);
        Assert.Equal(wholePurls, purls);
        Assert.Equal(wholeWarnings.Select(Kind), warnings.Select(Kind));
    }

    /// <summary>A warning up to its parenthesis: the zip library's own words about a broken archive may differ.</summary>
    private static string Kind(string warning) => warning.Split(" (")[0];

    [Fact]
    public void A_war_with_deflated_nested_jars_reduces_to_the_same_packages_and_drops_the_rest()
    {
        var inner = TestZip.Create(Pom("shaded-dep", "0.9"));
        var library = TestZip.Create(TestZip.Pom("org.slf4j", "slf4j-api", "2.0.9"), ("lib/shaded-dep.jar", inner), ("org/slf4j/Big.class", new byte[200_000]));
        var war = TestZip.Create(
            Pom("shop", "1.0.0"),
            ("WEB-INF/lib/slf4j-api-2.0.9.jar", library),
            TestZip.Text("WEB-INF/lib/broken.jar", "this is not a zip"),
            ("WEB-INF/lib/guava-33.0.0-jre.jar", TestZip.Create(TestZip.Text("a.txt", "no metadata"))),
            ("WEB-INF/classes/Main.class", Encoding.UTF8.GetBytes(new string('x', 300_000))));
        var (reduced, reducerWarnings) = Reduce(war, 1000);

        var (purls, warnings) = Catalog(reduced);

        Assert.Empty(reducerWarnings);
        Assert.True(reduced.Length < 4096, $"reduced to {reduced.Length} bytes");
        Assert.Equal(
            ["pkg:maven/com.example/shop@1.0.0", "pkg:maven/org.slf4j/slf4j-api@2.0.9", "pkg:maven/com.example/shaded-dep@0.9", "pkg:maven/guava@33.0.0-jre"],
            purls);
        Assert.StartsWith("/opt/app.jar!/WEB-INF/lib/broken.jar: not a readable archive", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void An_archive_of_70000_pom_properties_keeps_65535_with_a_warning()
    {
        var entries = Enumerable.Range(0, 70_000).Select(i => TestZip.Text($"META-INF/maven/g/a{i}/pom.properties", "")).ToArray();
        var (reduced, reducerWarnings) = Bounded.Run(() => Reduce(TestZip.Create(entries), 65536), 256 * Bounded.MiB);

        Assert.Equal("/opt/app.jar!/META-INF/maven/g/a65535/pom.properties: past 65535 entries or 67108864 bytes kept; later ones are not read", Assert.Single(reducerWarnings));
        var (purls, warnings) = Catalog(reduced);
        Assert.Empty(purls);
        Assert.Equal(65535, warnings.Count);
        Assert.Equal("/opt/app.jar!/META-INF/maven/g/a0/pom.properties: no artifactId or version", warnings[0]);
    }

    [Fact]
    public void An_archive_that_stops_inside_an_entry_is_named_and_what_came_before_is_read()
    {
        var jar = TestZip.Create(Pom("first", "1.0"), ("lib/data.bin", new byte[100_000]));
        var (reduced, reducerWarnings) = Reduce(jar[..(jar.Length / 2)], 4096);

        var (purls, warnings) = Catalog(reduced);

        Assert.Equal(["pkg:maven/com.example/first@1.0"], purls);
        Assert.Empty(warnings);
        Assert.Equal("/opt/app.jar: ends inside its entry lib/data.bin; read the entries before", Assert.Single(reducerWarnings));
    }
}
