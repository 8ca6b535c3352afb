using Strata.Sbom.Catalogers;

namespace Strata.Sbom.Tests.Binaries;

public sealed class GoBinaryCatalogerTests
{
    private static readonly GoBinaryCataloger Go = new();

    private const string Modules = "path\texample.com/tool/cmd/tool\nmod\texample.com/tool\tv1.4.2\th1:abc=\n"
        + "dep\tgithub.com/pkg/errors\tv0.9.1\th1:def=\nbuild\tGOARCH=arm64\nbuild\tGOOS=linux\n";

    [Fact]
    public void A_real_Go_binary_reports_its_main_module_its_dependencies_with_the_replacement_and_the_toolchain()
    {
        // Truth from `go version -m`: go1.22.0; mod binary_with_module_replacement (devel);
        // dep golang.org/x/xerrors v0.0.0-20220907171357-04be3eba64a2 => github.com/golang/xerrors v0.0.0-20220907171357-04be3eba64a2
        var run = BinaryHarness.Run(Go, ("usr/bin/replaced", BinaryImages.GoWithReplacement()));

        Assert.Empty(run.Warnings);
        Assert.Equal(
            ["binary_with_module_replacement@(devel)", "github.com/golang/xerrors@v0.0.0-20220907171357-04be3eba64a2", "stdlib@v1.22.0"],
            run.Found);
        Assert.Equal("pkg:golang/github.com/golang/xerrors@v0.0.0-20220907171357-04be3eba64a2", run.Single("github.com/golang/xerrors").Purl);
        Assert.Equal("pkg:golang/stdlib@v1.22.0", run.Single("stdlib").Purl);
        Assert.Equal("pkg:golang/binary_with_module_replacement@%28devel%29", run.Single("binary_with_module_replacement").Purl);
        Assert.All(run.Packages, p => Assert.Equal("amd64", p.Architecture));
        Assert.All(run.Packages, p => Assert.Equal("/usr/bin/replaced", Assert.Single(p.Locations).Path));
    }

    [Fact]
    public void The_same_modules_in_two_binaries_are_one_package_each_with_both_locations()
    {
        var binary = BinaryImages.GoWithReplacement();

        var run = BinaryHarness.Run(Go, ("usr/bin/a", binary), ("usr/bin/b", binary));

        Assert.Equal(3, run.Packages.Count);
        Assert.All(run.Packages, p => Assert.Equal(["/usr/bin/a", "/usr/bin/b"], p.Locations.Select(l => l.Path)));
    }

    [Fact]
    public void A_Go_binary_cut_short_before_its_build_info_is_warned_about_by_path()
    {
        var run = BinaryHarness.Run(Go, ("usr/bin/cut", BinaryImages.GoWithReplacement()[..1_000_000]));

        Assert.Empty(run.Packages);
        var warning = Assert.Single(run.Warnings);
        Assert.StartsWith("/usr/bin/cut: a Go executable, but damaged or cut short", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Go_binary_cut_short_inside_its_build_info_is_warned_about_by_path()
    {
        var binary = BinaryImages.GoWithReplacement();
        byte[] magic = [0xff, .. " Go buildinf:"u8];
        var buildInfo = binary.AsSpan().IndexOf(magic);

        var run = BinaryHarness.Run(Go, ("usr/bin/cut", binary[..(buildInfo + 40)]));

        Assert.Empty(run.Packages);
        Assert.Equal("/usr/bin/cut: Go build info is cut short or garbled: the Go version string runs past the end of the file", Assert.Single(run.Warnings));
    }

    [Fact]
    public void A_garbled_length_in_the_build_info_is_warned_about_and_nothing_is_reported()
    {
        var blob = GoBlob.Inline("go1.21.5", Modules);
        blob[32] = 0xff;
        blob[33] = 0xff;
        var elf = TestElf.Build([new(".text", new byte[64], 0x401000), new(".go.buildinfo", blob, 0x500000, Writable: true)]);

        var run = BinaryHarness.Run(Go, ("app", elf));

        Assert.Empty(run.Packages);
        Assert.Equal("/app: Go build info is cut short or garbled: the Go version string runs past the end of the file", Assert.Single(run.Warnings));
    }

    [Fact]
    public void An_executable_that_is_not_Go_reports_nothing_and_warns_about_nothing()
    {
        var elf = TestElf.Build([new(".text", new byte[256], 0x401000), new(".data", new byte[64], 0x600000, Writable: true)]);
        var pe = TestPe.Build([new(".text", new byte[64], 0x1000), new(".data", new byte[64], 0x2000, Writable: true)]);

        var run = BinaryHarness.Run(Go, ("bin/c-program", elf), ("bin/tool.exe", pe));

        Assert.Empty(run.Packages);
        Assert.Empty(run.Warnings);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Build_info_from_before_Go_1_18_is_read_through_the_pointers_in_its_header(bool is64, bool bigEndian)
    {
        var pointer = is64 ? 8 : 4;
        var framed = GoBlob.Framed(Modules);
        byte[] strings = [.. "go1.16.15"u8, .. framed];
        byte[] headers = [.. GoBlob.StringHeader(pointer, bigEndian, 0x480000, 9), .. GoBlob.StringHeader(pointer, bigEndian, 0x480009, framed.Length)];
        var elf = TestElf.Build(
            [
                new(".rodata", strings, 0x480000),
                new(".go.buildinfo", GoBlob.Pointers(pointer, bigEndian, 0x510000, 0x510000 + (ulong)(2 * pointer)), 0x500000, Writable: true),
                new(".data", headers, 0x510000, Writable: true),
            ],
            is64,
            bigEndian);

        var run = BinaryHarness.Run(Go, ("old", elf));

        Assert.Empty(run.Warnings);
        Assert.Equal(["example.com/tool@v1.4.2", "github.com/pkg/errors@v0.9.1", "stdlib@v1.16.15"], run.Found);
        Assert.All(run.Packages, p => Assert.Equal("arm64", p.Architecture));
    }

    [Fact]
    public void Pointers_outside_the_loaded_segments_are_warned_about()
    {
        var elf = TestElf.Build([new(".go.buildinfo", GoBlob.Pointers(8, false, 0x900000, 0x900010), 0x500000, Writable: true)]);

        var run = BinaryHarness.Run(Go, ("old", elf));

        Assert.Empty(run.Packages);
        Assert.Equal("/old: Go build info (before Go 1.18) points outside the executable's loaded segments", Assert.Single(run.Warnings));
    }

    [Fact]
    public void Build_info_is_found_in_the_data_section_of_a_PE_file()
    {
        var pe = TestPe.Build([new(".text", new byte[64], 0x1000), new(".data", GoBlob.Inline("go1.21.5", Modules), 0x2000, Writable: true)]);

        var run = BinaryHarness.Run(Go, ("app.exe", pe));

        Assert.Empty(run.Warnings);
        Assert.Equal(["example.com/tool@v1.4.2", "github.com/pkg/errors@v0.9.1", "stdlib@v1.21.5"], run.Found);
        Assert.Equal("pkg:golang/example.com/tool@v1.4.2", run.Single("example.com/tool").Purl);
    }

    [Fact]
    public void Build_info_is_found_in_the_go_buildinfo_section_of_Mach_O_files_and_fat_files()
    {
        var macho = TestMachO.Build([new("__data", new byte[48]), new("__go_buildinfo", GoBlob.Inline("go1.21.5", Modules))]);

        var thin = BinaryHarness.Run(Go, ("app", macho));
        var fat = BinaryHarness.Run(Go, ("universal", TestMachO.Fat(macho, macho)));

        Assert.Empty(thin.Warnings);
        Assert.Equal(["example.com/tool@v1.4.2", "github.com/pkg/errors@v0.9.1", "stdlib@v1.21.5"], thin.Found);
        Assert.Empty(fat.Warnings);
        Assert.Equal(thin.Found, fat.Found);
    }

    [Fact]
    public void Build_info_is_found_by_its_aligned_magic_when_the_section_headers_are_gone()
    {
        var elf = TestElf.Build([new(".text", new byte[64], 0x401000), new(".go.buildinfo", GoBlob.Inline("go1.21.5", Modules), 0x500000, Writable: true)]);
        // No section headers, no program headers: only the scan of the whole file is left.
        elf.AsSpan(40, 8).Clear();
        elf.AsSpan(32, 8).Clear();
        elf.AsSpan(56, 2).Clear();

        var run = BinaryHarness.Run(Go, ("stripped", elf));

        Assert.Empty(run.Warnings);
        Assert.Equal(["example.com/tool@v1.4.2", "github.com/pkg/errors@v0.9.1", "stdlib@v1.21.5"], run.Found);
    }

    [Fact]
    public void The_go_binary_in_the_wasteful_image_is_its_module_and_the_toolchain_it_was_built_with()
    {
        var sbom = BinaryImages.Sbom("wasteful", CatalogerRegistry.All(), TestContext.Current.CancellationToken);

        // Truth from `go version -m`: go1.19.8, mod example.com/goapp (devel), no dependencies.
        var go = sbom.Packages.Where(p => p.Ecosystem == "go").ToList();
        Assert.Equal(["example.com/goapp@(devel)", "stdlib@v1.19.8"], go.Select(p => $"{p.Name}@{p.Version}").Order(StringComparer.Ordinal));
        Assert.Contains(go, p => p.Purl == "pkg:golang/stdlib@v1.19.8");
        Assert.All(go, p => Assert.Equal("/usr/local/bin/goapp", Assert.Single(p.Locations).Path));
        Assert.All(go, p => Assert.Contains("/usr/local/bin/goapp", p.Locations[0].CreatedBy, StringComparison.Ordinal));
        Assert.DoesNotContain(sbom.Warnings, w => w.Contains("Go build info", StringComparison.Ordinal) || w.Contains("Go executable", StringComparison.Ordinal));
    }

    [Fact]
    public void The_static_C_program_of_the_multistage_image_is_no_Go_binary()
    {
        var sbom = BinaryImages.Sbom("multistage", [Go, new RustAuditCataloger()], TestContext.Current.CancellationToken);

        Assert.Empty(sbom.Packages);
        Assert.Empty(sbom.Warnings);
    }
}
