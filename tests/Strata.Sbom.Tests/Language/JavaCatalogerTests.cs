using Strata.Sbom.Catalogers;
using Strata.Sbom.Catalogers.Language;

namespace Strata.Sbom.Tests.Language;

public sealed class JavaCatalogerTests
{
    /// <summary>Each java archive fixture, installed as itself, and the purls it gives; a non-null warning is expected (and no other).</summary>
    public static readonly TheoryData<string, string[], string?> Archives = new()
    {
        { "java/archive/simple.jar", ["pkg:maven/com.some.package/package-name@1.2.3"], null },
        { "java/archive/complex.jar", ["pkg:maven/com.some.package/package-name@1.2.3", "pkg:maven/com.some.anotherpackage/another-package-name@3.2.1"], null },
        { "java/archive/pom_missing_group_id.jar", ["pkg:maven/package-name@1.2.3"], null },
        { "java/archive/pom_missing_group_id-2.4.0.jar", ["pkg:maven/package-name@1.2.3"], null },
        { "java/archive/com.google.src.yolo-0.1.2.jar", ["pkg:maven/com.google.src/yolo@0.1.2"], null },
        { "java/archive/no_pom_properties-2.4.0.jar", ["pkg:maven/no_pom_properties@2.4.0"], null },
        { "java/archive/no_pom_properties.jar", [], null },
        { "java/archive/org.eclipse.sisu.inject-0.3.5.jar", ["pkg:maven/org.eclipse.sisu.inject@0.3.5"], null },
        { "java/archive/nested_at_10.jar", [], "archives nested more than 4 deep are not read" },
        { "java/archive/nested_at_100.jar", [], "archives nested more than 4 deep are not read" },
        { "java/archive/empty.jar", [], "an empty archive" },
        { "java/archive/invalid_jar.jar", [], "not a readable archive" },
    };

    /// <summary>Each manifest fixture, packed alone into a jar of the given name, and the purl it gives.</summary>
    public static readonly TheoryData<string, string, string> Manifests = new()
    {
        { "java/archive/axis/MANIFEST.MF", "axis.jar", "pkg:maven/axis@1.4" },
        { "java/archive/combine-manifest-filename/MANIFEST.MF", "ivy-2.4.0.jar", "pkg:maven/org.apache/ivy@2.4.0" },
        { "java/archive/invalid-ids/MANIFEST.MF", "plugin.jar", "pkg:maven/correct.name@1.2.3" },
        { "java/archive/known-group-id/MANIFEST.MF", "spring-web.jar", "pkg:maven/spring-web@5.3.26" },
        { "java/archive/manifest-implementation-title/MANIFEST.MF", "elasticsearch.jar", "pkg:maven/org.elasticsearch/server@8.14.3" },
        { "java/archive/manifest-no-group-id/MANIFEST.MF", "some-package.jar", "pkg:maven/some-package@1.2.3" },
        { "java/archive/manifest-symbolicname/MANIFEST.MF", "failureaccess.jar", "pkg:maven/com.google.guava/failureaccess@1.0.1" },
    };

    /// <summary>Fixtures that are not Java archives by name, and are not asked for.</summary>
    public static readonly string[] NotWanted = ["java/archive/not_jar"];

    [Theory]
    [MemberData(nameof(Archives))]
    public void Each_archive_fixture_gives_its_packages_or_a_warning_naming_the_file(string fixture, string[] purls, string? warning)
    {
        var path = "opt/app/lib/" + Path.GetFileName(fixture);
        var harness = new LanguageHarness(new JavaCataloger()).File(path, LanguageFixtures.Bytes(fixture), layer: 4);

        var packages = harness.Run();

        Assert.Equal(purls, packages.Select(p => p.Purl));
        Assert.All(packages, p => Assert.Equal(("/" + path, 4), (Assert.Single(p.Locations).Path, p.Locations[0].Layer)));
        if (warning is null)
        {
            Assert.Empty(harness.Warnings);
        }
        else
        {
            var message = Assert.Single(harness.Warnings);
            Assert.StartsWith("/" + path, message, StringComparison.Ordinal);
            Assert.Contains(warning, message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Each_manifest_fixture_with_the_file_name_gives_coordinates(string fixture, string jarName, string purl)
    {
        var jar = TestZip.Create(("META-INF/MANIFEST.MF", LanguageFixtures.Bytes(fixture)), TestZip.Text("Main.class", "classes"));
        var harness = new LanguageHarness(new JavaCataloger()).File("opt/" + jarName, jar);

        var package = Assert.Single(harness.Run());

        Assert.Empty(harness.Warnings);
        Assert.Equal(purl, package.Purl);
    }

    [Fact]
    public void Not_jar_is_not_asked_for() => Assert.All(NotWanted, f => Assert.False(new JavaCataloger().WantsPath("opt/" + Path.GetFileName(f))));

    [Theory]
    [InlineData("opt/app.jar", true)]
    [InlineData("opt/APP.JAR", true)]
    [InlineData("usr/local/tomcat/webapps/app.war", true)]
    [InlineData("opt/jboss/app.ear", true)]
    [InlineData("root/.m2/repository/x/x-1.jar.sha1", false)]
    [InlineData("opt/app.zip", false)]
    public void Wants_jar_war_and_ear_files(string path, bool wanted) => Assert.Equal(wanted, new JavaCataloger().WantsPath(path));

    [Fact]
    public void Coordinates_come_as_group_and_artifact_with_a_maven_purl()
    {
        var jar = TestZip.Create(TestZip.Pom("org.apache.commons", "commons-lang3", "3.12.0"), TestZip.Text("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"));

        var package = Assert.Single(new LanguageHarness(new JavaCataloger()).File("opt/lib/commons-lang3.jar", jar).Run());

        Assert.Equal(("java", "org.apache.commons:commons-lang3", "3.12.0"), (package.Ecosystem, package.Name, package.Version));
        Assert.Equal("pkg:maven/org.apache.commons/commons-lang3@3.12.0", package.Purl);
    }

    [Fact]
    public void A_war_reports_itself_its_libraries_and_the_jars_inside_them_all_located_at_the_war()
    {
        var inner = TestZip.Create(TestZip.Pom("com.example", "shaded-dep", "0.9"));
        var library = TestZip.Create(TestZip.Pom("org.slf4j", "slf4j-api", "2.0.9"), ("lib/shaded-dep.jar", inner));
        var unnamed = TestZip.Create(TestZip.Text("a.txt", "no metadata"));
        var versionedByName = TestZip.Create(TestZip.Text("a.txt", "no metadata"));
        var war = TestZip.Create(
            TestZip.Pom("com.example", "shop", "1.0.0"),
            ("WEB-INF/lib/slf4j-api-2.0.9.jar", library),
            ("WEB-INF/lib/helper.jar", unnamed),
            ("WEB-INF/lib/guava-33.0.0-jre.jar", versionedByName));
        var harness = new LanguageHarness(new JavaCataloger()).File("usr/local/tomcat/webapps/shop.war", war, layer: 5);

        var packages = harness.Run();

        Assert.Empty(harness.Warnings);
        Assert.Equal(
            ["pkg:maven/com.example/shop@1.0.0", "pkg:maven/org.slf4j/slf4j-api@2.0.9", "pkg:maven/com.example/shaded-dep@0.9", "pkg:maven/guava@33.0.0-jre"],
            packages.Select(p => p.Purl));
        Assert.All(packages, p => Assert.Equal(("/usr/local/tomcat/webapps/shop.war", 5), (p.Locations[0].Path, p.Locations[0].Layer)));
    }

    [Fact]
    public void A_corrupt_nested_jar_is_a_warning_naming_it_and_the_rest_is_still_read()
    {
        var war = TestZip.Create(
            TestZip.Pom("com.example", "shop", "1.0.0"),
            TestZip.Text("WEB-INF/lib/broken.jar", "this is not a zip"),
            ("WEB-INF/lib/ok.jar", TestZip.Create(TestZip.Pom("com.example", "ok", "2.0"))));
        var harness = new LanguageHarness(new JavaCataloger()).File("app/shop.war", war);

        var packages = harness.Run();

        Assert.Equal(["pkg:maven/com.example/shop@1.0.0", "pkg:maven/com.example/ok@2.0"], packages.Select(p => p.Purl));
        Assert.StartsWith("/app/shop.war!/WEB-INF/lib/broken.jar: not a readable archive", Assert.Single(harness.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_bomb_is_a_warning_and_what_was_found_before_it_is_kept()
    {
        var bomb = TestZip.Bomb("lib/bomb.jar", 300L * 1024 * 1024, TestZip.Pom("com.example", "app", "1.0"));
        Assert.InRange(bomb.Length, 1, 2 * 1024 * 1024);
        var harness = new LanguageHarness(new JavaCataloger()).File("app/app.jar", bomb);

        var packages = harness.Run();

        Assert.Equal(["pkg:maven/com.example/app@1.0"], packages.Select(p => p.Purl));
        var warning = Assert.Single(harness.Warnings);
        Assert.StartsWith("/app/app.jar: inflates to more than 268435456 bytes (at /app/app.jar!/lib/bomb.jar)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Inflated_bytes_count_across_every_nested_archive_of_one_top_level_archive()
    {
        var padding = Incompressible(6 * 1024);
        var nested = Enumerable.Range(0, 5)
            .Select(i => ($"lib/dep{i}-1.0.jar", TestZip.Create(TestZip.Pom("com.example", $"dep{i}", "1.0"), ("data.bin", padding))))
            .ToArray();
        var harness = new LanguageHarness(new JavaCataloger(new JavaArchiveLimits(MaxInflated: 20 * 1024))).File("app/app.jar", TestZip.Create(nested));

        var packages = harness.Run();

        Assert.InRange(packages.Count, 1, 4);
        Assert.Contains("inflates to more than 20480 bytes", Assert.Single(harness.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_that_inflates_past_the_size_it_declares_is_still_capped()
    {
        var inner = TestZip.Create(TestZip.Pom("com.example", "inner", "1.0"), ("data.bin", Incompressible(64 * 1024)));
        var jar = TestZip.Create(("lib/inner.jar", inner));
        DeclareUncompressedSize(jar, "lib/inner.jar", 100);
        var harness = new LanguageHarness(new JavaCataloger(new JavaArchiveLimits(MaxInflated: 16 * 1024))).File("app/app.jar", jar);

        Assert.Empty(harness.Run());
        Assert.StartsWith("/app/app.jar", Assert.Single(harness.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_metadata_inside_a_jar_is_a_warning_and_the_file_name_stands_in()
    {
        var jar = TestZip.Create(
            TestZip.Text("META-INF/maven/com.example/x/pom.properties", "groupId=com.example\nartifactId=x\n"),
            ("META-INF/MANIFEST.MF", new byte[2 * 1024 * 1024]));
        var harness = new LanguageHarness(new JavaCataloger()).File("opt/x-3.1.jar", jar);

        var package = Assert.Single(harness.Run());

        Assert.Equal("pkg:maven/x@3.1", package.Purl);
        Assert.Equal(
            ["/opt/x-3.1.jar!/META-INF/maven/com.example/x/pom.properties: no artifactId or version", "/opt/x-3.1.jar!/META-INF/MANIFEST.MF: larger than 1048576 bytes; skipped"],
            harness.Warnings);
    }

    [Fact]
    public void A_pom_without_group_takes_it_from_its_maven_folder()
    {
        var jar = TestZip.Create(TestZip.Text("META-INF/maven/org.example/lib/pom.properties", "artifactId=lib\nversion=1.0\n"));

        Assert.Equal("pkg:maven/org.example/lib@1.0", Assert.Single(new LanguageHarness(new JavaCataloger()).File("a/lib.jar", jar).Run()).Purl);
    }

    [Theory]
    [InlineData("commons-lang3-3.12.0.jar", "commons-lang3", "3.12.0")]
    [InlineData("log4j-1.2-api-2.17.1.jar", "log4j-1.2-api", "2.17.1")]
    [InlineData("foo-1.0-SNAPSHOT.jar", "foo", "1.0-SNAPSHOT")]
    [InlineData("guava-33.0.0-jre.jar", "guava", "33.0.0-jre")]
    [InlineData("commons-lang3.jar", "commons-lang3", null)]
    [InlineData("nested_at_10.jar", "nested_at_10", null)]
    public void File_names_split_into_artifact_and_version(string fileName, string stem, string? version) =>
        Assert.Equal((stem, version), MavenCoordinates.SplitFileName(fileName));

    private static byte[] Incompressible(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Rewrites an entry's uncompressed size in its local header and central directory record, as a lying archive would.</summary>
    private static void DeclareUncompressedSize(byte[] zip, string name, uint size)
    {
        var nameBytes = System.Text.Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BitConverter.ToUInt32(zip, i);
            if (signature == 0x04034b50 && zip.AsSpan(i + 30, nameBytes.Length).SequenceEqual(nameBytes))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), size);
            }
            else if (signature == 0x02014b50 && zip.AsSpan(i + 46, nameBytes.Length).SequenceEqual(nameBytes))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), size);
            }
        }
    }
}
