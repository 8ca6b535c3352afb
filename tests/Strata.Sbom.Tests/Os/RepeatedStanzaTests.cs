using System.Text;
using Strata.Sbom.Catalogers;

namespace Strata.Sbom.Tests.Os;

/// <summary>dpkg keeps one record per package and architecture; a status file that repeats one is read as dpkg reads it.</summary>
public sealed class RepeatedStanzaTests
{
    private const string Installed = "Status: install ok installed\n";

    [Fact]
    public void A_repeated_package_is_one_entry_the_last_stanza_in_the_place_of_the_first()
    {
        var text = "Package: libc6\nVersion: 2.36-1\nArchitecture: amd64\n" + Installed + "\n"
            + "Package: bash\nVersion: 5.2-1\nArchitecture: amd64\n" + Installed + "\n"
            + "Package: libc6\nVersion: 2.36-9\nArchitecture: amd64\n" + Installed + "\n"
            + "Package: libc6\nVersion: 2.36-1\nArchitecture: i386\n" + Installed;
        var warnings = new List<string>();

        var entries = DpkgStatus.Parse(text, warnings.Add);

        Assert.Equal(
            ["libc6 2.36-9 amd64", "bash 5.2-1 amd64", "libc6 2.36-1 i386"],
            entries.Select(e => $"{e.Name} {e.Version} {e.Architecture}"));
        Assert.Contains("1 stanzas repeat a package", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Fifty_thousand_copies_of_one_stanza_are_one_package()
    {
        var stanza = "Package: base-files\nVersion: 12.4\nArchitecture: amd64\n" + Installed + "Description: Debian base system\n\n";
        var text = new StringBuilder(stanza.Length * 50_000).Insert(0, stanza, 50_000).ToString();

        var entries = DpkgStatus.Parse(text, _ => { });

        Assert.Equal("base-files", Assert.Single(entries).Name);
    }
}
