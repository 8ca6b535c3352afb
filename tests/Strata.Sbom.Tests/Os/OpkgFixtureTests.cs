using Strata.Sbom.Catalogers;

namespace Strata.Sbom.Tests.Os;

/// <summary>
/// opkg's status files (pkgdb/os/dpkg/opkg) share dpkg's format: the same reader takes them, with the same rules
/// for missing fields and for what counts as installed.
/// </summary>
public sealed class OpkgFixtureTests
{
    private static (List<DpkgEntry> Entries, List<string> Warnings) Parse(string fixture)
    {
        var warnings = new List<string>();
        var text = File.ReadAllText(Path.Combine(Strata.TestKit.Fixtures.Shared, "pkgdb", "os", "dpkg", "opkg", fixture));
        return (DpkgStatus.Parse(text, warnings.Add), warnings);
    }

    [Fact]
    public void Valid_status_gives_three_packages()
    {
        var (entries, warnings) = Parse("valid");

        Assert.Empty(warnings);
        Assert.Equal(
            [("ubus", "2024.10.20~252a9b0c-r1", "x86_64"), ("libuci20130104", "2023.08.10~5781664d-r1", "x86_64"), ("busybox", "1.36.1-r2", "x86_64")],
            entries.Select(e => (e.Name, e.Version, e.Architecture ?? "")));
        Assert.All(entries, e => Assert.Equal((e.Name, e.Version), (e.SourceName, e.SourceVersion)));
    }

    [Theory]
    [InlineData("single")]
    [InlineData("trailingnewlines")]
    [InlineData("transitional")]
    public void One_package_status_gives_ubus(string fixture)
    {
        var (entries, warnings) = Parse(fixture);

        Assert.Empty(warnings);
        var ubus = Assert.Single(entries);
        Assert.Equal(("ubus", "2024.10.20~252a9b0c-r1", "x86_64"), (ubus.Name, ubus.Version, ubus.Architecture));
    }

    [Theory]
    [InlineData("nopackage", "paragraph at line 9 has no Package")]
    [InlineData("noversion", "package 'libuci20130104' (line 9) has no Version")]
    public void A_paragraph_missing_a_field_is_skipped_with_a_warning(string fixture, string warning)
    {
        var (entries, warnings) = Parse(fixture);

        Assert.Equal(["ubus", "busybox"], entries.Select(e => e.Name));
        Assert.StartsWith(warning, Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_installed_packages_count()
    {
        var (entries, warnings) = Parse("statusfield");

        Assert.Empty(warnings);
        Assert.Equal(["wantinstall_installed", "wantnostatus"], entries.Select(e => e.Name));
    }

    [Fact]
    public void Invalid_and_empty_files_give_no_packages()
    {
        var (invalid, invalidWarnings) = Parse("invalid");
        var (empty, emptyWarnings) = Parse("empty");

        Assert.Empty(invalid);
        Assert.Equal(2, invalidWarnings.Count);
        Assert.Empty(empty);
        Assert.Empty(emptyWarnings);
    }
}
