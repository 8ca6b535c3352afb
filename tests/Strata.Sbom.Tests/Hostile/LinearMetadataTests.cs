using System.Text;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Catalogers.Language;
using Strata.Sbom.Tests.Language;
using Strata.Sbom.Tests.Os;

namespace Strata.Sbom.Tests.Hostile;

/// <summary>
/// Line-based package metadata built to make a careless parser quadratic: hundreds of thousands of continuation
/// lines, licence stanzas or blank lines. Each is read in bounded time and memory, and the packages beside it are found.
/// </summary>
public sealed class LinearMetadataTests
{
    private const int ContinuationLines = 400_000;

    /// <summary>dpkg's cataloger on one installed package whose copyright file is <paramref name="copyright"/>, in at most 400 MiB.</summary>
    private static CatalogRun CatalogCopyright(string copyright) =>
        Bounded.Run(
            () => CatalogRun.Of(
                new DpkgCataloger(),
                CatalogRun.Debian12,
                CatalogRun.File("var/lib/dpkg/status", "Package: hostile\nVersion: 1\nStatus: install ok installed\n"),
                CatalogRun.File("usr/share/doc/hostile/copyright", copyright)),
            400 * Bounded.MiB);

    private static string Repeat(string line, int times) => new StringBuilder(line.Length * times).Insert(0, line, times).ToString();

    [Fact]
    public void A_dpkg_status_with_400000_continuation_lines_is_read_and_the_next_package_found()
    {
        var status = "Package: hostile\nVersion: 1\nStatus: install ok installed\nDescription: long\n" + Repeat(" a\n", ContinuationLines)
            + "\nPackage: good\nVersion: 2.0\nStatus: install ok installed\nArchitecture: amd64\n";

        var run = Bounded.Run(
            () => CatalogRun.Of(new DpkgCataloger(), CatalogRun.Debian12, CatalogRun.File("var/lib/dpkg/status", status)),
            100 * Bounded.MiB);

        Assert.Equal(["hostile", "good"], run.Names);
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public void A_debian_copyright_with_200000_licence_stanzas_gives_every_licence_once()
    {
        var copyright = new StringBuilder("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\n");
        for (var i = 0; i < 200_000; i++)
        {
            copyright.Append("Files: f").Append(i).Append("\nLicense: Custom-").Append(i).Append("\n\n");
        }
        copyright.Append("Files: *\nLicense: Expat\n");
        var run = CatalogCopyright(copyright.ToString());

        var licenses = run.Single("hostile").Licenses;
        Assert.Equal(200_001, licenses.Count);
        Assert.Equal(("LicenseRef-Custom-0", "LicenseRef-Custom-199999", "MIT"), (licenses[0], licenses[199_999], licenses[^1]));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData(" ")]
    public void A_free_text_copyright_with_half_a_million_common_licenses_references_is_read_in_bounded_memory(string separator)
    {
        var copyright = new StringBuilder("This program is free software, version 2 or any later version.\n");
        for (var i = 0; i < 500_000; i++)
        {
            copyright.Append("/usr/share/common-licenses/GPL-2 and again").Append(separator);
        }
        var run = CatalogCopyright(copyright.ToString());

        // The references near the grant are "or later"; those far below it are read without it.
        Assert.Equal(["GPL-2.0-or-later", "GPL-2.0-only"], run.Single("hostile").Licenses);
    }

    [Fact]
    public void A_dpkg_list_naming_one_path_half_a_million_folders_deep_is_read()
    {
        var deep = Repeat("/a", 500_000);
        var list = "/.\n/usr\n/usr/bin\n/usr/bin/good\n" + deep + "\n";
        var status = "Package: good\nVersion: 1\nStatus: install ok installed\nArchitecture: amd64\n";

        var run = Bounded.Run(
            () => CatalogRun.Of(
                new DpkgCataloger(),
                CatalogRun.Debian12,
                CatalogRun.File("var/lib/dpkg/status", status),
                CatalogRun.File("var/lib/dpkg/info/good.list", list)),
            100 * Bounded.MiB);

        Assert.Equal(["/usr/bin/good", deep], run.Single("good").Files);
    }

    [Fact]
    public void Python_metadata_with_400000_continuation_lines_gives_its_package()
    {
        var metadata = "Metadata-Version: 2.1\nName: good\nVersion: 1.0\nSummary: long\n" + Repeat(" a\n", ContinuationLines) + "License: MIT\n";
        var harness = new LanguageHarness(new PythonCataloger()).File("usr/lib/python3/site-packages/good-1.0.dist-info/METADATA", metadata);

        var packages = Bounded.Run(harness.Run, 100 * Bounded.MiB);

        var package = Assert.Single(packages);
        Assert.Equal(("good", "1.0", "pkg:pypi/good@1.0"), (package.Name, package.Version, package.Purl));
        Assert.Empty(harness.Warnings);
    }

    [Fact]
    public void A_jar_manifest_with_400000_continuation_lines_is_parsed()
    {
        var text = "Manifest-Version: 1.0\nImplementation-Title: good\nImplementation-Version: 1.0\nBuilt-By: x\n" + Repeat(" a\n", ContinuationLines);

        var manifest = Bounded.Run(() => JarManifest.Parse(text), 100 * Bounded.MiB);

        Assert.Equal(("good", "1.0"), (manifest["Implementation-Title"], manifest["Implementation-Version"]));
        Assert.Equal(1 + ContinuationLines, manifest["Built-By"]!.Length);
    }

    [Fact]
    public void A_jar_whose_manifest_has_300000_continuation_lines_gives_its_package()
    {
        // Under the 1 MiB limit for one metadata entry, so that the manifest is read, not skipped.
        var jar = TestZip.Create(TestZip.Text("META-INF/MANIFEST.MF",
            "Manifest-Version: 1.0\nImplementation-Title: good\nImplementation-Version: 1.0\nBuilt-By: x\n" + Repeat(" a\n", 300_000)));
        var harness = new LanguageHarness(new JavaCataloger()).File("app/good.jar", jar);

        var packages = Bounded.Run(harness.Run, 100 * Bounded.MiB);

        Assert.Equal("pkg:maven/good@1.0", Assert.Single(packages).Purl);
        Assert.Empty(harness.Warnings);
    }

    [Fact]
    public void A_gemspec_with_a_mebibyte_of_newlines_and_no_licence_gives_its_package()
    {
        var gemspec = "Gem::Specification.new do |s|\n  s.name = \"good\"\n" + new string('\n', 1024 * 1024) + "  s.version = \"1.0\"\nend\n";
        var harness = new LanguageHarness(new RubyCataloger()).File("usr/local/bundle/specifications/good-1.0.gemspec", gemspec);

        var packages = Bounded.Run(harness.Run, 100 * Bounded.MiB);

        var package = Assert.Single(packages);
        Assert.Equal(("good", "1.0", 0), (package.Name, package.Version, package.Licenses.Count));
    }

    [Fact]
    public void A_gemspec_of_nothing_but_a_mebibyte_of_newlines_is_named_in_a_warning()
    {
        var harness = new LanguageHarness(new RubyCataloger())
            .File("usr/local/bundle/specifications/bad-1.0.gemspec", new string('\n', 1024 * 1024))
            .File("usr/local/bundle/specifications/good-2.0.gemspec", "Gem::Specification.new do |s|\n  s.name = 'good'\n  s.version = '2.0'\nend\n");

        var packages = Bounded.Run(harness.Run, 100 * Bounded.MiB);

        Assert.Equal("good", Assert.Single(packages).Name);
        Assert.Equal("/usr/local/bundle/specifications/bad-1.0.gemspec: no name assignment", Assert.Single(harness.Warnings));
    }

    [Fact]
    public void A_jar_named_with_a_long_run_of_hyphenated_digits_splits_in_bounded_time()
    {
        var name = Repeat("a-1", 20_000) + "-!";

        var (stem, version) = Bounded.Run(() => MavenCoordinates.SplitFileName(name + ".jar"), 100 * Bounded.MiB);

        Assert.Equal((name, null), (stem, version));
    }
}
