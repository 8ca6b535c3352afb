using System.Text;
using Strata.Images;
using Strata.TestKit;
using Strata.Vulnerabilities.Store;

namespace Strata.Vulnerabilities.Tests.Store;

/// <summary>Zips built here to attack the importer: each is refused by name, and the database stays as it was.</summary>
public sealed class HostileZipTests
{
    private static readonly byte[] Record = Encoding.UTF8.GetBytes("""{"id":"X-1","affected":[{"package":{"ecosystem":"npm","name":"x"}}]}""");

    private static StrataException Refused(TempDirectory work, byte[] zip, ImportLimits? limits = null)
    {
        var database = work.File("osv.sqlite");
        AdvisoryImport.Import(database, [(SharedAdvisories.Folder, "advisories")], new ImportOptions(), CancellationToken.None);
        var before = File.ReadAllBytes(database);
        File.WriteAllBytes(work.File("all.zip"), zip);

        var error = Assert.Throws<StrataException>(() => AdvisoryImport.Import(
            database, [(work.File("all.zip"), "all.zip")], new ImportOptions { Limits = limits ?? ImportLimits.Default }, CancellationToken.None));

        Assert.Equal(before, File.ReadAllBytes(database));
        Assert.Equal(["all.zip", "osv.sqlite"], Directory.GetFiles(work.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        return error;
    }

    [Fact]
    public void An_entry_inflating_past_16_MiB_is_a_bomb_named_with_its_entry()
    {
        using var work = new TempDirectory();
        // 17 MiB of spaces: valid JSON padding, which deflate shrinks to a few KiB.
        var padded = new byte[17 * 1024 * 1024];
        Array.Fill(padded, (byte)' ');
        Record.CopyTo(padded, 0);

        var error = Refused(work, SharedAdvisories.Zip(("GOOD.json", Record), ("BOMB.json", padded)));

        Assert.StartsWith("all.zip: entry 'BOMB.json': inflates to 17,825,792 bytes, more than the 16 MiB a record may be (a zip bomb?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_entries_are_refused_before_any_is_read()
    {
        using var work = new TempDirectory();
        var entries = Enumerable.Range(0, 11).Select(i => ($"X-{i}.json", Record)).ToArray();

        var error = Refused(work, SharedAdvisories.Zip(entries), ImportLimits.Default with { MaxEntries = 10 });

        Assert.Equal("all.zip: declares 11 entries, more than the 10 an OSV export may hold (a zip bomb?)", error.Message);
    }

    [Fact]
    public void Entries_inflating_past_the_zips_total_are_refused()
    {
        using var work = new TempDirectory();
        var entries = Enumerable.Range(0, 5).Select(i => ($"X-{i}.json", Record)).ToArray();

        var error = Refused(work, SharedAdvisories.Zip(entries), ImportLimits.Default with { MaxZipInflatedBytes = Record.Length * 3 + 1 });

        Assert.StartsWith("all.zip: inflates to more than", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("in all (a zip bomb?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_zip_is_refused_as_unreadable()
    {
        using var work = new TempDirectory();
        var zip = SharedAdvisories.Zip(SharedAdvisories.Files);

        var error = Refused(work, zip[..(zip.Length / 2)]);

        Assert.StartsWith("all.zip: not a readable zip archive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_entry_is_named()
    {
        using var work = new TempDirectory();
        var zip = SharedAdvisories.Zip(("X-1.json", Encoding.UTF8.GetBytes(new string('{', 1) + new string('a', 5000) + "}")));
        // The deflated data starts after the 30-byte local header and the 8-byte name; garble the middle of it.
        for (var i = 45; i < 60; i++)
        {
            zip[i] ^= 0x5A;
        }

        var error = Refused(work, zip);

        Assert.StartsWith("all.zip: entry 'X-1.json': damaged", error.Message, StringComparison.Ordinal);
    }
}
