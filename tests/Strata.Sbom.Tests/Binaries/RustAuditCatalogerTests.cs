using Strata.Sbom.Catalogers;
using Strata.Sbom.Catalogers.Rust;

namespace Strata.Sbom.Tests.Binaries;

public sealed class RustAuditCatalogerTests
{
    private static readonly RustAuditCataloger Rust = new();

    private static readonly byte[] Audit = CargoAudit.Compress(CargoAudit.ThreeCrates);

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void The_runtime_crates_of_an_auditable_ELF_executable_are_reported(bool is64, bool bigEndian)
    {
        var elf = TestElf.Build([new(".text", new byte[64], 0x401000), new(".dep-v0", Audit)], is64, bigEndian);

        var run = BinaryHarness.Run(Rust, ("usr/local/bin/hello", elf));

        Assert.Empty(run.Warnings);
        Assert.Equal(["hello@0.1.0", "serde@1.0.197"], run.Found);
        Assert.Equal("pkg:cargo/serde@1.0.197", run.Single("serde").Purl);
        Assert.Equal("/usr/local/bin/hello", Assert.Single(run.Single("hello").Locations).Path);
    }

    [Fact]
    public void The_dependency_section_is_found_in_PE_Mach_O_and_fat_files()
    {
        var pe = TestPe.Build([new(".text", new byte[64], 0x1000), new(".dep-v0", Audit, 0x2000)]);
        var macho = TestMachO.Build([new("__data", new byte[32]), new(".dep-v0", Audit)]);

        var run = BinaryHarness.Run(Rust, ("hello.exe", pe), ("hello", macho), ("universal", TestMachO.Fat(macho, macho)));

        Assert.Empty(run.Warnings);
        Assert.Equal(["hello@0.1.0", "serde@1.0.197"], run.Found);
        Assert.All(run.Packages, p => Assert.Equal(["/hello.exe", "/hello", "/universal"], p.Locations.Select(l => l.Path)));
    }

    [Fact]
    public void An_executable_without_the_section_reports_nothing_and_warns_about_nothing()
    {
        var elf = TestElf.Build([new(".text", new byte[64], 0x401000), new(".data", new byte[64], 0x600000, Writable: true)]);

        var run = BinaryHarness.Run(Rust, ("bin/c-program", elf), ("usr/bin/go-program", BinaryImages.GoWithReplacement()));

        Assert.Empty(run.Packages);
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public void A_section_that_is_not_zlib_is_warned_about_by_path()
    {
        var elf = TestElf.Build([new(".dep-v0", "not compressed at all"u8.ToArray())]);

        var run = BinaryHarness.Run(Rust, ("usr/bin/odd", elf));

        Assert.Empty(run.Packages);
        Assert.StartsWith("/usr/bin/odd: cargo-auditable dependency list is not zlib data", Assert.Single(run.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_cut_short_is_warned_about_by_path()
    {
        var elf = TestElf.Build([new(".dep-v0", Audit[..(Audit.Length / 2)])]);

        var run = BinaryHarness.Run(Rust, ("usr/bin/cut", elf));

        Assert.Empty(run.Packages);
        Assert.StartsWith("/usr/bin/cut: cargo-auditable dependency list ", Assert.Single(run.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_running_past_the_end_of_the_file_is_warned_about_by_path()
    {
        var elf = TestElf.Build([new(".dep-v0", Audit, ClaimedSize: 1 << 20)]);

        var run = BinaryHarness.Run(Rust, ("usr/bin/cut", elf));

        Assert.Empty(run.Packages);
        Assert.Matches(@"^/usr/bin/cut: cargo-auditable dependency list section \.dep-v0 \(1048576 bytes at offset \d+\) runs past the end of the file$", Assert.Single(run.Warnings));
    }

    [Theory]
    [InlineData("{\"packages\":[{\"name\":\"serde\"", "holds malformed JSON")]
    [InlineData("{\"crates\":[]}", "holds JSON without a packages array")]
    public void Malformed_JSON_is_warned_about_by_path(string json, string problem)
    {
        var elf = TestElf.Build([new(".dep-v0", CargoAudit.Compress(json))]);

        var run = BinaryHarness.Run(Rust, ("app", elf));

        Assert.Empty(run.Packages);
        Assert.StartsWith($"/app: cargo-auditable dependency list {problem}", Assert.Single(run.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_crate_without_a_version_is_warned_about_and_the_others_are_kept()
    {
        var json = """{"packages":[{"name":"hello","version":"0.1.0","root":true},{"name":"broken"}]}""";
        var elf = TestElf.Build([new(".dep-v0", CargoAudit.Compress(json))]);

        var run = BinaryHarness.Run(Rust, ("app", elf));

        Assert.Equal(["hello@0.1.0"], run.Found);
        Assert.Equal("/app: cargo-auditable dependency list package 1 has no name or version", Assert.Single(run.Warnings));
    }

    [Fact]
    public void A_section_that_inflates_beyond_the_limit_is_refused()
    {
        var bomb = CargoAudit.Compress(new byte[RustAuditReader.MaxJsonSize + 1]);
        var elf = TestElf.Build([new(".dep-v0", bomb)]);

        var run = BinaryHarness.Run(Rust, ("bomb", elf));

        Assert.Empty(run.Packages);
        Assert.Equal($"/bomb: cargo-auditable dependency list inflates to more than {RustAuditReader.MaxJsonSize} bytes", Assert.Single(run.Warnings));
    }

    [Fact]
    public void The_images_hold_no_auditable_Rust_executables()
    {
        var sbom = BinaryImages.Sbom("multistage", [Rust], TestContext.Current.CancellationToken);

        Assert.Empty(sbom.Packages);
        Assert.Empty(sbom.Warnings);
    }
}
