using System.Formats.Tar;
using System.Text;
using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>One entry inside a layer is wrong or odd: names that escape or are absolute, loops, sizes past the end, huge paths.</summary>
public sealed class BadEntryTests
{
    /// <summary>An OCI layout whose first layer is a harmless base and whose second is <paramref name="layer"/>.</summary>
    private static string Image(TempDirectory temp, byte[] layer, LayerCompression compression = LayerCompression.Gzip) =>
        new OciImageBuilder()
            .Layer(new LayerBuilder().Directory("etc").File("etc/hostname", "base\n"), "base")
            .Layer(layer, "RUN odd things", compression)
            .WriteOciLayout(temp.Path);

    private static async Task<(CliResult Result, JsonDocument? Json)> AnalyzeToJson(string image)
    {
        var result = await CliRunner.RunAsync(["analyze", image, "--json", "-"]);
        return (result, result.ExitCode == 0 ? JsonDocument.Parse(result.StandardOutputBytes) : null);
    }

    private static List<string> Paths(JsonDocument json, int layer) =>
        json.RootElement.GetProperty("layer")[layer].GetProperty("fileList").EnumerateArray()
            .Select(f => f.GetProperty("path").GetString()!)
            .ToList();

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData("../../etc/passwd")]
    [InlineData("./../etc/shadow")]
    [InlineData("app/../../outside")]
    [InlineData("/../root/.ssh/authorized_keys")]
    public async Task An_entry_climbing_out_of_the_root_is_rejected_naming_layer_and_entry(string name)
    {
        using var temp = new TempDirectory();
        var layout = Image(temp, new LayerBuilder().Directory("app").File(name, "pwned\n").ToTar());

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", $"'{name}'", "..");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_hardlink_whose_target_climbs_out_of_the_root_is_rejected_naming_the_target()
    {
        using var temp = new TempDirectory();
        var layout = Image(temp, new LayerBuilder().Hardlink("etc/passwd-link", "../../etc/passwd").ToTar());

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", "'../../etc/passwd'");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task An_absolute_entry_name_is_read_relative_to_the_root_with_a_warning()
    {
        using var temp = new TempDirectory();
        var layout = Image(temp, new LayerBuilder().Directory("/abs").File("/abs/file", "content\n").ToTar());

        var (result, json) = await AnalyzeToJson(layout);

        BadInputAssert.Accepted(result);
        using (json)
        {
            var warning = result.Error.Split('\n').FirstOrDefault(l => l.Contains("'/abs/file'", StringComparison.Ordinal));
            Assert.True(warning is not null, $"no warning names '/abs/file':\n{result.Error}");
            Assert.StartsWith("warning:", warning, StringComparison.Ordinal);
            Assert.Contains("layer 1", warning, StringComparison.Ordinal);
            Assert.Contains("'abs/file'", warning, StringComparison.Ordinal);
            Assert.Contains(result.Error.Split('\n'), l => l.Contains("'/abs'", StringComparison.Ordinal));
            Assert.Equal(["abs", "abs/file"], Paths(json!, 1));
        }
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task Symlink_loops_are_ordinary_entries_and_analysis_finishes()
    {
        using var temp = new TempDirectory();
        var layer = new LayerBuilder()
            .Directory("loops")
            .Symlink("loops/a", "b")
            .Symlink("loops/b", "a")
            .Symlink("loops/loop", "loop")
            .Symlink("loops/self", ".")
            .Symlink("loops/up", "/loops")
            .Symlink("loops/escape", "../../../../etc/passwd")
            .Hardlink("loops/hard", "loops/hard")
            .ToTar();
        var layout = Image(temp, layer);

        var (result, json) = await AnalyzeToJson(layout);

        BadInputAssert.Accepted(result);
        using (json)
        {
            Assert.Equal(
                ["loops", "loops/a", "loops/b", "loops/loop", "loops/self", "loops/up", "loops/escape", "loops/hard"],
                Paths(json!, 1));
            var links = json!.RootElement.GetProperty("layer")[1].GetProperty("fileList").EnumerateArray()
                .Where(f => f.GetProperty("typeFlag").GetInt32() == '2')
                .ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("linkName").GetString());
            Assert.Equal("b", links["loops/a"]);
            Assert.Equal("a", links["loops/b"]);
            Assert.Equal("loop", links["loops/loop"]);
        }
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task An_entry_whose_size_runs_past_the_end_of_the_layer_is_named()
    {
        using var temp = new TempDirectory();
        // A well-formed tar cut inside its last file: the digests agree with these bytes, only the entry's size lies.
        var whole = new LayerBuilder().File("small", "ok\n").File("big.bin", new byte[100_000]).ToTar();
        var bigData = whole.AsSpan().IndexOf("big.bin"u8);
        var cut = whole[..(bigData + 4096)];
        var layout = Image(temp, cut);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", "'big.bin'", "100000");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task An_entry_claiming_a_huge_size_at_the_end_of_the_layer_is_named()
    {
        using var temp = new TempDirectory();
        var tar = new LayerBuilder { Format = TarEntryFormat.Ustar }.File("huge.bin", "tiny").ToTar();
        // Rewrite the header's size field (12 octal digits at offset 124) to 4 GiB and fix the checksum; then drop the end blocks.
        var header = tar.AsSpan(0, 512);
        Encoding.ASCII.GetBytes(Convert.ToString(4L << 30, 8).PadLeft(11, '0') + "\0").CopyTo(header[124..]);
        header[148..156].Fill((byte)' ');
        var sum = 0;
        foreach (var b in header)
        {
            sum += b;
        }
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header[148..]);
        var layout = Image(temp, tar[..1024], LayerCompression.None);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", "'huge.bin'");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_whiteout_whose_size_runs_past_the_end_of_the_layer_is_named()
    {
        using var temp = new TempDirectory();
        // Whiteouts carry no content, so nothing reads their data: the cut shows only when the reader skips over it.
        var whole = new LayerBuilder().File("etc/.wh.hostname", new byte[100_000]).ToTar();
        var layout = Image(temp, whole[..4096]);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", "'etc/.wh.hostname'");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_layer_cut_inside_a_header_names_the_last_whole_entry()
    {
        using var temp = new TempDirectory();
        // Header and one block of data for "first", then half of the header of "second".
        var whole = new LayerBuilder { Format = TarEntryFormat.Ustar }.File("first", "abc").File("second", "def").ToTar();
        var layout = Image(temp, whole[..(1024 + 256)], LayerCompression.None);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", "'first'");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_layer_cut_inside_its_first_header_names_the_layer()
    {
        using var temp = new TempDirectory();
        var whole = new LayerBuilder { Format = TarEntryFormat.Ustar }.File("first", "abc").ToTar();
        var layout = Image(temp, whole[..300], LayerCompression.None);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", "first tar header");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_ten_thousand_level_path_is_rejected_naming_the_layer()
    {
        using var temp = new TempDirectory();
        var deep = string.Join('/', Enumerable.Repeat("d", 10_000)) + "/file";
        var layout = Image(temp, new LayerBuilder().File(deep, "deep\n").ToTar());

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", "PATH_MAX", "d/d/d/d");
        Assert.True(result.Error.Length < 2000, $"the message quotes the whole name ({result.Error.Length} characters)");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_path_just_under_path_max_with_two_thousand_levels_is_read()
    {
        using var temp = new TempDirectory();
        var deep = string.Join('/', Enumerable.Repeat("d", 2_040)) + "/f";
        Assert.True(deep.Length <= 4096);
        var layout = Image(temp, new LayerBuilder().File(deep, "deep\n").File(deep + "2", "deep\n").ToTar());

        var (result, json) = await AnalyzeToJson(layout);

        BadInputAssert.Accepted(result);
        using (json)
        {
            Assert.Contains(deep, Paths(json!, 1));
        }
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task An_escaping_name_with_control_characters_is_rejected_without_a_stack_trace()
    {
        using var temp = new TempDirectory();
        var layout = Image(temp, new LayerBuilder().File("../\u001b[31mred\nnext", "x").ToTar());

        var result = await CliRunner.RunAsync(["analyze", layout]);

        CliAssert.ExitCode(2, result);
        BadInputAssert.NoStackTrace(result);
        Assert.Contains("layer 1", result.Error, StringComparison.Ordinal);
    }
}
