using System.Text;
using Strata.Images;
using Strata.TestKit;
using Strata.Vulnerabilities.Osv;
using Strata.Vulnerabilities.Store;

namespace Strata.Vulnerabilities.Tests.Store;

public sealed class AdvisoryImportTests
{
    private static ImportCounts Import(string database, params string[] paths) =>
        AdvisoryImport.Import(database, paths.Select(p => (p, p)).ToList(), new ImportOptions(), CancellationToken.None);

    [Fact]
    public void Find_answers_for_every_package_the_shared_records_name_exactly_the_records_naming_it()
    {
        using var work = new TempDirectory();
        var database = work.File("osv.sqlite");

        var counts = Import(database, SharedAdvisories.Folder);

        Assert.Equal(SharedAdvisories.Files.Count, counts.Added);
        Assert.Equal(0, counts.Skipped);
        using var store = AdvisoryStore.Open(database);
        var packages = SharedAdvisories.Packages();
        Assert.True(packages.Count >= 10);
        foreach (var ((ecosystemBase, name), ids) in packages)
        {
            Assert.Equal(ids, store.Find(ecosystemBase, name).Select(r => r.Id));
        }
    }

    [Fact]
    public void Lookups_match_what_the_files_say_by_hand()
    {
        using var work = new TempDirectory();
        var database = work.File("osv.sqlite");
        Import(database, SharedAdvisories.Folder);

        using var store = AdvisoryStore.Open(database);

        Assert.Equal(["GHSA-29mw-wpgm-hmr9", "GHSA-35jh-r3h4-6jhm", "GHSA-jf85-cpcp-j695", "GHSA-p6mc-m468-83gw"], store.Find("npm", "lodash").Select(r => r.Id));
        // GHSA-vh95-rmgr-6w4m names minimist in two affected entries: one record, found once.
        Assert.Equal(["GHSA-vh95-rmgr-6w4m", "GHSA-xvch-5gv4-984h"], store.Find("npm", "minimist").Select(r => r.Id));
        // Debian:7 is found under its base, Debian.
        var dsa = Assert.Single(store.Find("Debian", "nginx"));
        Assert.Equal("DSA-3029-1", dsa.Id);
        Assert.Equal("Debian:7", dsa.Affected[0].Package.Ecosystem);
        Assert.Equal(["GO-2023-1753", "GO-2023-1840", "GO-2023-1878"], store.Find("Go", "stdlib").Select(r => r.Id));
        // Names are looked up without regard to case, as IAdvisorySource asks (NuGet, Packagist and PyPI names ignore
        // case); the matcher then applies each ecosystem's own rule.
        Assert.Equal(["GHSA-5crp-9r3c-p9vr"], store.Find("NuGet", "newtonsoft.json").Select(r => r.Id));
        Assert.Equal(4, store.Find("npm", "LODASH").Count);
        Assert.Empty(store.Find("PyPI", "lodash"));
        Assert.Empty(store.Find("Debian:7", "nginx"));
    }

    [Fact]
    public void A_found_record_holds_what_its_file_holds()
    {
        using var work = new TempDirectory();
        var database = work.File("osv.sqlite");
        Import(database, SharedAdvisories.Folder);

        using var store = AdvisoryStore.Open(database);
        var record = Assert.Single(store.Find("NuGet", "Newtonsoft.Json"));

        // From GHSA-5crp-9r3c-p9vr.json, read by eye.
        Assert.Equal("GHSA-5crp-9r3c-p9vr", record.Id);
        Assert.Empty(record.Aliases);
        Assert.Equal(new DateTimeOffset(2022, 6, 22, 15, 8, 47, TimeSpan.Zero), record.Published);
        Assert.Equal("Improper Handling of Exceptional Conditions in Newtonsoft.Json", record.Summary);
        Assert.Equal(new DateTimeOffset(2022, 7, 12, 3, 46, 43, TimeSpan.Zero), record.Modified);
        Assert.Equal([new OsvEvent(Introduced: "0"), new OsvEvent(Fixed: "13.0.1")], record.Affected[0].Ranges[0].Events);
    }

    [Fact]
    public void An_export_zip_gives_the_same_answers_as_the_folder()
    {
        using var work = new TempDirectory();
        var zip = work.File("all.zip");
        File.WriteAllBytes(zip, SharedAdvisories.Zip(SharedAdvisories.Files));
        var fromFolder = work.File("folder.sqlite");
        var fromZip = work.File("zip.sqlite");

        Import(fromFolder, SharedAdvisories.Folder);
        var counts = Import(fromZip, zip);

        Assert.Equal(SharedAdvisories.Files.Count, counts.Added);
        using var a = AdvisoryStore.Open(fromFolder);
        using var b = AdvisoryStore.Open(fromZip);
        foreach (var (ecosystemBase, name) in SharedAdvisories.Packages().Keys)
        {
            Assert.Equal(a.Find(ecosystemBase, name).Select(r => r.Id), b.Find(ecosystemBase, name).Select(r => r.Id));
        }
    }

    [Fact]
    public void The_newest_modified_wins_whatever_the_order_of_imports()
    {
        using var work = new TempDirectory();
        var database = work.File("osv.sqlite");
        var newer = Record(work, "newer.json", "2024-01-01T00:00:00Z", "the newer text");
        var older = Record(work, "older.json", "2022-01-01T00:00:00Z", "the older text");
        var newest = Record(work, "newest.json", "2025-01-01T00:00:00Z", "the newest text");

        Assert.Equal(1, Import(database, newer).Added);
        Assert.Equal(1, Import(database, older).KeptNewer);
        Assert.Equal("the newer text", Summary(database));
        Assert.Equal(1, Import(database, newest).Replaced);
        Assert.Equal("the newest text", Summary(database));

        static string? Summary(string database)
        {
            using var store = AdvisoryStore.Open(database);
            return Assert.Single(store.Find("npm", "left-pad")).Summary;
        }
    }

    [Fact]
    public void A_replaced_record_is_indexed_by_its_new_packages_only()
    {
        using var work = new TempDirectory();
        var database = work.File("osv.sqlite");
        Import(database, Record(work, "a.json", "2024-01-01T00:00:00Z", "first", "left-pad"));
        Import(database, Record(work, "b.json", "2024-02-01T00:00:00Z", "second", "right-pad"));

        using var store = AdvisoryStore.Open(database);
        Assert.Empty(store.Find("npm", "left-pad"));
        Assert.Equal("second", Assert.Single(store.Find("npm", "right-pad")).Summary);
    }

    [Fact]
    public void A_malformed_record_is_skipped_with_a_warning_naming_its_file()
    {
        using var work = new TempDirectory();
        var folder = Directory.CreateDirectory(work.File("records")).FullName;
        File.Copy(Path.Combine(SharedAdvisories.Folder, "GHSA-5crp-9r3c-p9vr.json"), Path.Combine(folder, "good.json"));
        File.WriteAllText(Path.Combine(folder, "bad.json"), """{"id": "X-1", "aliases": "CVE-1"}""");
        var warnings = new List<string>();

        var counts = AdvisoryImport.Import(work.File("osv.sqlite"), [(folder, "records")], new ImportOptions { Warn = warnings.Add }, CancellationToken.None);

        Assert.Equal(1, counts.Added);
        Assert.Equal(1, counts.Skipped);
        var warning = Assert.Single(warnings);
        Assert.StartsWith(Path.Combine("records", "bad.json"), warning, StringComparison.Ordinal);
        Assert.Contains("field 'aliases' is not an array", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_fails_on_a_malformed_record_and_leaves_the_database_as_it_was()
    {
        using var work = new TempDirectory();
        var database = work.File("osv.sqlite");
        Import(database, SharedAdvisories.Folder);
        var before = File.ReadAllBytes(database);
        var zip = work.File("all.zip");
        File.WriteAllBytes(zip, SharedAdvisories.Zip(("GOOD-1.json", Encoding.UTF8.GetBytes("""{"id":"GOOD-1"}""")), ("BAD-1.json", Encoding.UTF8.GetBytes("""{"id": 7}"""))));

        var error = Assert.Throws<StrataException>(() =>
            AdvisoryImport.Import(database, [(zip, "all.zip")], new ImportOptions { Strict = true }, CancellationToken.None));

        Assert.StartsWith("all.zip: BAD-1.json", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(database));
        Assert.Equal(["all.zip", "osv.sqlite"], Directory.GetFiles(work.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Paths_that_are_not_records_are_named()
    {
        using var work = new TempDirectory();
        File.WriteAllText(work.File("notes.txt"), "hello");
        File.WriteAllText(work.File("fake.zip"), "not a zip at all");

        Assert.Equal($"{work.File("missing")}: no such file or folder", Assert.Throws<StrataException>(() => Import(work.File("osv.sqlite"), work.File("missing"))).Message);
        Assert.Contains("neither a folder, an OSV .json record, nor an OSV export zip", Assert.Throws<StrataException>(() => Import(work.File("osv.sqlite"), work.File("notes.txt"))).Message, StringComparison.Ordinal);
        Assert.Contains("fake.zip: not a zip archive", Assert.Throws<StrataException>(() => Import(work.File("osv.sqlite"), work.File("fake.zip"))).Message, StringComparison.Ordinal);
        Assert.False(File.Exists(work.File("osv.sqlite")));
    }

    private static string Record(TempDirectory work, string file, string modified, string summary, string package = "left-pad")
    {
        var path = work.File(file);
        File.WriteAllText(path, $$"""
            {"id": "GHSA-test-0000-0001", "modified": "{{modified}}", "summary": "{{summary}}",
             "affected": [{"package": {"ecosystem": "npm", "name": "{{package}}"}, "versions": ["1.0.0"]}]}
            """);
        return path;
    }
}
