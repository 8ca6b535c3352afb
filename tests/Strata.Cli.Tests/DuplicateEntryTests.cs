using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>The same path twice in one layer is a legal tar (real images have them): the last entry wins everywhere.</summary>
public sealed class DuplicateEntryTests
{
    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task The_last_copy_is_the_file_and_the_first_copy_is_dead_bytes()
    {
        using var temp = new TempDirectory();
        var layer = new LayerBuilder().Directory("app").File("app/config", new string('a', 1000)).File("app/config", "last\n").ToTar();
        var layout = new OciImageBuilder().Layer(BadImages.SmallLayer(), "base").Layer(layer, "twice").WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", layout, "--json", "-"]);

        BadInputAssert.Accepted(result);
        using var json = JsonDocument.Parse(result.StandardOutputBytes);
        var strata = json.RootElement.GetProperty("strata");
        // The first copy's 1000 bytes are stored in the layer but hidden by the second; what shows is
        // etc/hostname ("strata\n", 7 bytes) from the base and the 5 bytes of the last copy.
        Assert.Equal(1000, strata.GetProperty("layers")[1].GetProperty("deadBytes").GetInt64());
        Assert.Equal(1000, strata.GetProperty("deadBytes").GetInt64());
        Assert.Equal(7 + 5, strata.GetProperty("liveBytes").GetInt64());
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_new_path_stored_twice_in_one_layer_counts_as_added_both_times()
    {
        using var temp = new TempDirectory();
        var layer = new LayerBuilder().Directory("app").File("app/config", "first\n").File("app/config", "last\n").ToTar();
        var layout = new OciImageBuilder().Layer(BadImages.SmallLayer(), "base").Layer(layer, "twice").WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Accepted(result);
        // Nothing lay below at app/config: the second copy replaces the first within the layer, it modifies nothing.
        Assert.Contains("3/0/0", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("2/1/0", result.Out, StringComparison.Ordinal);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task Os_release_and_the_dpkg_database_twice_in_one_layer_read_the_last_copy()
    {
        using var temp = new TempDirectory();
        var layer = new LayerBuilder()
            .Directory("etc")
            .File("etc/os-release", "ID=alpine\nVERSION_ID=3.1\nPRETTY_NAME=\"First Copy Linux\"\n")
            .File("etc/os-release", "ID=debian\nVERSION_ID=12\nPRETTY_NAME=\"Last Copy Linux\"\n")
            .File("var/lib/dpkg/status", Status("firstcopy-pkg"))
            .File("var/lib/dpkg/status", Status("lastcopy-pkg"))
            .ToTar();
        var layout = new OciImageBuilder().Layer(layer, "twice").WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["sbom", layout]);

        BadInputAssert.Accepted(result);
        Assert.Contains("Last Copy Linux", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("First Copy Linux", result.Out, StringComparison.Ordinal);
        Assert.Contains("lastcopy-pkg", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("firstcopy-pkg", result.Out, StringComparison.Ordinal);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_captured_file_replaced_later_in_its_layer_by_one_too_large_to_capture_is_not_read()
    {
        using var temp = new TempDirectory();
        // The second os-release is over the 64 KiB kept for OS files: it is skipped, and the first must not stand in for it.
        var layer = new LayerBuilder()
            .File("etc/os-release", "ID=alpine\nPRETTY_NAME=\"First Copy Linux\"\n")
            .File("etc/os-release", "ID=debian\n" + new string('#', 70_000) + "\n")
            .ToTar();
        var layout = new OciImageBuilder().Layer(layer, "twice").WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["sbom", layout]);

        BadInputAssert.Accepted(result);
        Assert.DoesNotContain("First Copy Linux", result.Out, StringComparison.Ordinal);
    }

    /// <summary>A dpkg status file with one installed package, as dpkg writes it.</summary>
    private static string Status(string package) =>
        $"Package: {package}\nStatus: install ok installed\nPriority: optional\nArchitecture: amd64\nVersion: 1.0-1\nDescription: test\n\n";
}
