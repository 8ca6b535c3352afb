using Strata.Analysis.Advising;
using Strata.TestKit;

namespace Strata.Analysis.Tests.Advising;

/// <summary>Size findings on hand-built images, whose every byte the test sets, so each saving is known in advance.</summary>
public sealed class SizeAdviceTests
{
    private static byte[] Bytes(int count, byte fill = (byte)'x') => Advisor.Filled(count, fill);

    [Fact]
    public void Each_cache_is_one_finding_with_the_bytes_of_its_files()
    {
        var advice = Advisor.Advise([
            new LayerBuilder()
                .File("var/lib/apt/lists/deb_Packages", Bytes(1000, 1))
                .File("var/cache/apt/pkgcache.bin", Bytes(1500, 2))
                .File("var/cache/apk/APKINDEX.tar.gz", Bytes(2000, 3))
                .File("root/.cache/pip/http/a", Bytes(300, 4))
                .File("home/app/.npm/_cacache/b", Bytes(400, 5))
                .File("root/.cache/go-build/c", Bytes(500, 6))
                .File("tmp/build.log", Bytes(600, 7))
                .File("usr/bin/app", Bytes(700, 8)),
        ]);

        var caches = advice.Findings.Where(f => f.Id == AdviceIds.PackageCache).ToDictionary(f => f.Paths.Single(), f => f.Bytes);
        Assert.Equal(new Dictionary<string, long?>
        {
            ["/var/lib/apt/lists/deb_Packages"] = 1000,
            ["/var/cache/apt/pkgcache.bin"] = 1500,
            ["/var/cache/apk/APKINDEX.tar.gz"] = 2000,
            ["/root/.cache/pip/http/a"] = 300,
            ["/home/app/.npm/_cacache/b"] = 400,
            ["/root/.cache/go-build/c"] = 500,
            ["/tmp/build.log"] = 600,
        }, caches);
        Assert.All(advice.Findings.Where(f => f.Id == AdviceIds.PackageCache), f => Assert.Equal(0, f.LayerIndex));
        Assert.Equal(6300, advice.FileSavings);
    }

    [Fact]
    public void Documentation_is_counted_but_licences_and_locale_alias_are_kept()
    {
        var advice = Advisor.Advise([
            new LayerBuilder()
                .File("usr/share/doc/pkg/README", Bytes(100, 1))
                .File("usr/share/doc/pkg/copyright", Bytes(50, 2))
                .File("usr/share/man/man1/pkg.1.gz", Bytes(200, 3))
                .File("usr/share/info/pkg.info", Bytes(250, 4))
                .File("usr/share/locale/de/LC_MESSAGES/pkg.mo", Bytes(300, 5))
                .File("usr/share/locale/locale.alias", Bytes(10, 6)),
        ]);

        var docs = advice.Single(AdviceIds.Documentation);
        Assert.Equal(850, docs.Bytes);
        Assert.Equal(["/usr/share/locale/de/LC_MESSAGES/pkg.mo", "/usr/share/info/pkg.info", "/usr/share/man/man1/pkg.1.gz", "/usr/share/doc/pkg/README"], docs.Paths);
    }

    [Fact]
    public void Dead_bytes_are_reported_per_killing_layer()
    {
        var advice = Advisor.Advise([
            new LayerBuilder().File("a.bin", Bytes(1000, 1)).File("b.bin", Bytes(2000, 2)).File("c.bin", Bytes(4000, 3)),
            new LayerBuilder().Whiteout("a.bin"),
            new LayerBuilder().Whiteout("b.bin").File("c.bin", Bytes(3000, 4)),
        ]);

        var dead = advice.Findings.Where(f => f.Id == AdviceIds.DeadBytes).OrderBy(f => f.LayerIndex).ToList();
        Assert.Equal(2, dead.Count);
        Assert.Equal((1, 1000L, "/a.bin"), (dead[0].LayerIndex, dead[0].Bytes, string.Join(" ", dead[0].Paths)));
        Assert.Equal((2, 6000L, "/c.bin /b.bin"), (dead[1].LayerIndex, dead[1].Bytes, string.Join(" ", dead[1].Paths)));
        Assert.Equal(7000, advice.FileSavings);
    }

    [Fact]
    public void A_layer_storing_the_same_content_again_is_the_chmod_finding_not_plain_dead_bytes()
    {
        var advice = Advisor.Advise([
            new LayerBuilder().File("app/run.sh", Bytes(500, 1), (UnixFileMode)0x1A4).File("app/conf", Bytes(70, 2)),
            new LayerBuilder().File("app/run.sh", Bytes(500, 1), (UnixFileMode)0x1ED).File("app/conf", Bytes(60, 9)),
        ]);

        var restored = advice.Single(AdviceIds.RestoredUnchanged);
        Assert.Equal((1, 500L, "/app/run.sh"), (restored.LayerIndex, restored.Bytes, string.Join(" ", restored.Paths)));
        var replaced = advice.Single(AdviceIds.DeadBytes);
        Assert.Equal((1, 70L, "/app/conf"), (replaced.LayerIndex, replaced.Bytes, string.Join(" ", replaced.Paths)));
    }

    [Fact]
    public void The_total_never_counts_a_stored_file_twice()
    {
        // Each of these files fits two findings: apt lists deleted later (dead bytes and a cache), a duplicate in
        // /tmp (a cache and a duplicate), a toolchain's manual page (documentation and a toolchain).
        var advice = Advisor.Advise(
            [
                new LayerBuilder()
                    .File("var/lib/apt/lists/deb_Packages", Bytes(10_000, 1))
                    .File("opt/data.bin", Bytes(777, 2))
                    .File("tmp/data.bin", Bytes(777, 2))
                    .File("usr/bin/gcc-12", Bytes(5000, 3))
                    .File("usr/share/man/man1/gcc-12.1.gz", Bytes(3000, 4)),
                new LayerBuilder().Whiteout("var/lib/apt/lists/deb_Packages"),
            ],
            packages: [new InstalledPackage("dpkg", "gcc-12", ["/usr/bin/gcc-12", "/usr/share/man/man1/gcc-12.1.gz"])]);

        Assert.Equal(10_000, advice.Single(AdviceIds.DeadBytes).Bytes);
        Assert.Equal(777, advice.Single(AdviceIds.PackageCache).Bytes);
        Assert.Equal(3000, advice.Single(AdviceIds.Documentation).Bytes);
        Assert.Equal(5000, advice.Single(AdviceIds.BuildToolchain).Bytes);
        Assert.DoesNotContain(advice.Findings, f => f.Id == AdviceIds.Duplicates);
        Assert.DoesNotContain(advice.Findings, f => f.Id == AdviceIds.PackageCache && f.Paths.Contains("/var/lib/apt/lists/deb_Packages"));
        Assert.Equal(10_000 + 777 + 3000 + 5000, advice.FileSavings);
    }

    [Fact]
    public void A_duplicate_keeps_the_lowest_copy_and_counts_the_others()
    {
        var advice = Advisor.Advise([
            new LayerBuilder().File("opt/lib/a.so", Bytes(4000, 5)),
            new LayerBuilder().File("srv/a.so", Bytes(4000, 5)).File("srv/b.so", Bytes(4000, 5)).File("srv/other", Bytes(4000, 6)),
        ]);

        var duplicates = advice.Single(AdviceIds.Duplicates);
        Assert.Equal((1, 8000L), (duplicates.LayerIndex, duplicates.Bytes));
        Assert.Equal(["/srv/a.so", "/srv/b.so"], duplicates.Paths);
    }

    [Fact]
    public void Toolchains_come_from_the_package_list_and_count_only_their_files()
    {
        var advice = Advisor.Advise(
            [
                new LayerBuilder().File("usr/bin/gcc-12", Bytes(6000, 1)).File("usr/include/stdio.h", Bytes(900, 2)).File("usr/bin/python3", Bytes(8000, 3)),
            ],
            packages:
            [
                new InstalledPackage("dpkg", "gcc-12", ["/usr/bin/gcc-12"]),
                new InstalledPackage("dpkg", "libc6-dev", ["/usr/include/stdio.h", "/usr/include/missing.h"]),
                new InstalledPackage("dpkg", "python3", ["/usr/bin/python3"]),
            ]);

        var toolchain = advice.Single(AdviceIds.BuildToolchain);
        Assert.Equal(6900, toolchain.Bytes);
        Assert.Contains("gcc-12", toolchain.Title, StringComparison.Ordinal);
        Assert.Contains("libc6-dev", toolchain.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("python3", toolchain.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_file_is_named_without_a_claimed_saving()
    {
        var advice = Advisor.Advise([new LayerBuilder().File("opt/model.bin", Bytes(12_000_000, 1)).File("opt/small.bin", Bytes(9_000_000, 2))]);

        var large = advice.Single(AdviceIds.LargeFile);
        Assert.Equal(["/opt/model.bin"], large.Paths);
        Assert.Null(large.Bytes);
        Assert.Equal(0, advice.FileSavings);
    }
}
