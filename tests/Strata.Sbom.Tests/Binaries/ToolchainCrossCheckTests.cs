using System.Globalization;
using System.Text;
using Strata.Sbom.Catalogers;
using Strata.TestKit;

namespace Strata.Sbom.Tests.Binaries;

/// <summary>Executables from real toolchains (Debian's golang-go and rustc): what the Go linker and rustc's linker really write.</summary>
public sealed class ToolchainCrossCheckTests
{
    [Fact]
    public async Task Go_builds_for_other_systems_are_read_as_go_version_m_reads_them()
    {
        var go = Toolchain.Find("go", "golang-go");
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.File("app"));
        Directory.CreateDirectory(folder.File("lib"));
        await File.WriteAllTextAsync(folder.File("lib/go.mod"), "module example.com/lib\n\ngo 1.19\n", ct);
        await File.WriteAllTextAsync(folder.File("lib/lib.go"), "package lib\n\nfunc Name() string { return \"lib\" }\n", ct);
        await File.WriteAllTextAsync(
            folder.File("app/go.mod"), "module example.com/app\n\ngo 1.19\n\nrequire example.com/lib v1.0.0\n\nreplace example.com/lib => ../lib\n", ct);
        await File.WriteAllTextAsync(folder.File("app/main.go"), "package main\n\nimport \"example.com/lib\"\n\nfunc main() { println(lib.Name()) }\n", ct);
        var goVersion = (await Toolchain.RunAsync(go, folder.Path, ["env", "GOVERSION"], null, ct)).Trim();

        var files = new List<(string Path, byte[] Content)>();
        foreach (var (os, arch) in new[] { ("linux", "s390x"), ("windows", "386"), ("darwin", "arm64") })
        {
            var output = folder.File($"app-{os}-{arch}");
            await Toolchain.RunAsync(
                go, folder.File("app"), ["build", "-o", output, "."],
                new Dictionary<string, string> { ["GOOS"] = os, ["GOARCH"] = arch, ["CGO_ENABLED"] = "0", ["GOFLAGS"] = "-buildvcs=false -mod=mod" }, ct);
            var shown = await Toolchain.RunAsync(go, folder.Path, ["version", "-m", output], null, ct);
            Assert.Contains("dep\texample.com/lib\tv1.0.0\n\t=>\t../lib\t(devel)", shown.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
            files.Add(($"bin/{os}-{arch}", await File.ReadAllBytesAsync(output, ct)));
        }
        files.Add(("bin/universal", TestMachO.Fat(files[2].Content, files[2].Content)));

        var run = BinaryHarness.Run(new GoBinaryCataloger(), [.. files]);

        Assert.Empty(run.Warnings);
        var stdlib = "v" + goVersion[2..].Split(' ')[0];
        Assert.Equal(["example.com/app@(devel)", "example.com/lib@(devel)", $"stdlib@{stdlib}"], run.Packages.Select(p => $"{p.Name}@{p.Version}").Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["386", "arm64", "s390x"], run.Packages.Select(p => p.Architecture).Distinct().Order(StringComparer.Ordinal));
        Assert.All(run.Packages.Where(p => p.Architecture == "arm64"), p => Assert.Equal(["/bin/darwin-arm64", "/bin/universal"], p.Locations.Select(l => l.Path)));
    }

    [Fact]
    public async Task A_rustc_executable_with_a_dep_v0_link_section_is_read()
    {
        var rustc = Toolchain.Find("rustc", "rustc");
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory();
        var audit = CargoAudit.Compress(CargoAudit.ThreeCrates);
        var bytes = string.Join(", ", audit.Select(b => b.ToString(CultureInfo.InvariantCulture)));
        var source = new StringBuilder()
            .Append("#[used]\n#[no_mangle]\n#[link_section = \".dep-v0\"]\n")
            .Append(CultureInfo.InvariantCulture, $"pub static AUDITABLE: [u8; {audit.Length}] = [{bytes}];\n")
            .Append("fn main() { println!(\"hello\"); }\n")
            .ToString();
        await File.WriteAllTextAsync(folder.File("main.rs"), source, ct);
        // As cargo-auditable does: the linker is told the symbol is needed, or it drops the section as unused
        // (Debian's rustc 1.63 does; newer ones keep a #[used] static's section by themselves).
        await Toolchain.RunAsync(rustc, folder.Path, ["-O", "-o", "hello", "main.rs", "-C", "link-arg=-Wl,--undefined=AUDITABLE"], null, ct);

        var run = BinaryHarness.Run(new RustAuditCataloger(), ("usr/local/bin/hello", await File.ReadAllBytesAsync(folder.File("hello"), ct)));

        Assert.Empty(run.Warnings);
        Assert.Equal(["hello@0.1.0", "serde@1.0.197"], run.Found);
    }
}
