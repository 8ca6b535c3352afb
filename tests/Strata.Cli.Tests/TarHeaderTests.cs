using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>
/// Tar headers inside a layer are checked as POSIX ustar defines them, and a defect is reported as a tar header
/// defect naming the entry and field, never as a compression fault. The tars are written byte by byte (<see cref="HandTar"/>).
/// </summary>
public sealed class TarHeaderTests
{
    private static string Image(TempDirectory temp, byte[] tar, LayerCompression compression = LayerCompression.Gzip) =>
        new OciImageBuilder()
            .Layer(BadImages.SmallLayer(), "base")
            .Layer(tar, "the layer under test", compression)
            .WriteOciLayout(temp.Path);

    /// <summary>etc/, then etc/passwd with its header changed by <paramref name="breakAfter"/>, then one more file.</summary>
    private static byte[] PasswdTar(Action<byte[]> breakAfter)
    {
        var tar = new HandTar().Directory("etc/");
        tar.Add("etc/passwd", data: "root:x:0:0::/root:/bin/sh\n"u8.ToArray(), breakAfter: breakAfter);
        return tar.File("etc/group", "root:x:0:\n").ToArray();
    }

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData(LayerCompression.None)]
    [InlineData(LayerCompression.Gzip)]
    [InlineData(LayerCompression.Zstd)]
    public async Task A_hand_written_tar_is_read(LayerCompression compression)
    {
        using var temp = new TempDirectory();
        var layout = Image(temp, new HandTar().Directory("etc/").File("etc/passwd", "root\n").File("etc/group", "root\n").ToArray(), compression);

        var result = await CliRunner.RunAsync(["analyze", layout, "--json", "-"]);

        BadInputAssert.Accepted(result);
        Assert.Equal(["etc", "etc/group", "etc/passwd"], Paths(result, 1));
    }

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData(LayerCompression.None)]
    [InlineData(LayerCompression.Gzip)]
    public async Task A_checksum_field_that_is_not_octal_names_the_entry_and_the_field(LayerCompression compression)
    {
        using var temp = new TempDirectory();
        var layout = Image(temp, PasswdTar(h => HandTar.Ascii(h, 148, 8, "zzzzzz\0 ")), compression);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1 (blobs/sha256/", "tar header of entry 'etc/passwd' (after 'etc/')", "checksum field 'zzzzzz' is not octal");
        Assert.DoesNotContain("gzip", result.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_wrong_checksum_gives_the_recorded_value_and_the_real_sum()
    {
        using var temp = new TempDirectory();
        var sum = 0;
        // 1234 octal is 668; the real sum is counted by the test from the broken header itself.
        var layout = Image(temp, PasswdTar(h =>
        {
            HandTar.Ascii(h, 148, 8, "001234\0 ");
            sum = HandTar.Sum(h);
        }));

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", "tar header of entry 'etc/passwd'", $"checksum is 668, the header sums to {sum}");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_header_with_one_flipped_byte_fails_its_checksum()
    {
        using var temp = new TempDirectory();
        // The mode changes from 0644 to 0645 after the checksum was computed: a bit flip the size field would not show.
        var layout = Image(temp, PasswdTar(h => h[106] = (byte)'5'));

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", "tar header of entry 'etc/passwd' (after 'etc/')", "the header sums to");
    }

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData(124, 12, "size")]
    [InlineData(100, 8, "mode")]
    [InlineData(136, 12, "mtime")]
    public async Task A_numeric_field_that_is_not_octal_is_named(int offset, int length, string field)
    {
        using var temp = new TempDirectory();
        var tar = new HandTar().Directory("etc/");
        tar.Add("etc/passwd", data: "root\n"u8.ToArray(), edit: h => HandTar.Ascii(h, offset, length, "12x4\0"));
        var layout = Image(temp, tar.ToArray());

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", "tar header of entry 'etc/passwd'", $"{field} field '12x4' is not octal");
        Assert.DoesNotContain("gzip", result.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_directory_entry_that_carries_data_is_a_tar_defect()
    {
        using var temp = new TempDirectory();
        var tar = new HandTar();
        tar.Add("var/", '5', data: new byte[1000]);
        var layout = Image(temp, tar.File("var/log", "x").ToArray());

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", "tar header of entry 'var/' (the first entry)", "directory entry carries 1000 bytes");
        Assert.DoesNotContain("gzip", result.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_base_256_uid_and_a_signed_checksum_are_legal()
    {
        using var temp = new TempDirectory();
        var tar = new HandTar();
        // GNU tar's base-256: a first byte of 0x80, then the value big-endian (3,000,000 does not fit 7 octal digits).
        tar.Add("big-uid", data: "x"u8.ToArray(), edit: h =>
        {
            Array.Clear(h, 108, 8);
            h[108] = 0x80;
            h[113] = 0x2d;
            h[114] = 0xc6;
            h[115] = 0xc0;
        });
        // An old tar summed bytes as signed: a name byte of 0xE9 ("é" in Latin-1) counts as -23 there.
        tar.Add("cafe", data: "y"u8.ToArray(), edit: h => h[3] = 0xe9, breakAfter: h =>
        {
            var signed = 0;
            for (var i = 0; i < HandTar.Block; i++)
            {
                signed += i is >= 148 and < 156 ? ' ' : (sbyte)h[i];
            }
            HandTar.Ascii(h, 148, 8, Convert.ToString(signed, 8).PadLeft(6, '0') + "\0 ");
        });
        var layout = Image(temp, tar.File("after", "z").ToArray());

        var result = await CliRunner.RunAsync(["analyze", layout, "--json", "-"]);

        BadInputAssert.Accepted(result);
        Assert.Contains("after", Paths(result, 1));
        Assert.Contains("big-uid", Paths(result, 1));
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_gnu_long_name_and_a_pax_path_are_read()
    {
        using var temp = new TempDirectory();
        var longName = "usr/share/" + new string('n', 300);
        var paxName = "opt/" + new string('p', 200);
        var tar = new HandTar().LongName(longName);
        tar.Add("usr/share/nnnn", data: "long\n"u8.ToArray());
        tar.Pax(("path", paxName), ("size", "4"));
        // The ustar size says 0: the PAX size (4) is what frames the data.
        tar.Add("opt/ppp", data: "pax\n"u8.ToArray(), size: 0);
        var layout = Image(temp, tar.File("after", "z").ToArray());

        var result = await CliRunner.RunAsync(["analyze", layout, "--json", "-"]);

        BadInputAssert.Accepted(result);
        var paths = Paths(result, 1);
        Assert.Contains(longName, paths);
        Assert.Contains(paxName, paths);
        Assert.Contains("after", paths);
    }

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData('L', "long name")]
    [InlineData('K', "long link target")]
    public async Task A_512_mib_gnu_long_name_fails_at_its_header_without_being_read(char type, string what)
    {
        using var temp = new TempDirectory();
        const long claimed = 512L * 1024 * 1024;
        var tar = new HandTar();
        tar.Add("././@LongLink", type, size: claimed, writeData: false);
        // The blob really is 512 MiB (a sparse file): a reader that took the name in would read and hold all of it.
        var layout = Image(temp, tar.ToArray(endMarker: false), LayerCompression.None);
        var blob = BadImages.BlobPath(layout, BadImages.LayerDigest(layout, 1));
        using (var file = File.OpenWrite(blob))
        {
            file.SetLength(HandTar.Block + claimed + (2 * HandTar.Block));
        }
        var allocatedBefore = GC.GetTotalAllocatedBytes();

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", "tar header of entry '././@LongLink'", $"GNU {what} of {claimed} bytes", "65536-byte limit");
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        Assert.True(allocated < claimed / 2, $"{allocated} bytes were allocated while refusing the name");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_pax_path_over_64_kib_is_refused()
    {
        using var temp = new TempDirectory();
        var tar = new HandTar().Pax(("path", new string('a', 70_000)));
        var layout = Image(temp, tar.File("a", "x").ToArray());

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", "PAX path of 70000 bytes", "65536-byte limit");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_pax_header_of_512_mib_is_refused_at_its_header()
    {
        using var temp = new TempDirectory();
        var tar = new HandTar();
        tar.Add("PaxHeaders/a", 'x', size: 512L * 1024 * 1024, writeData: false);
        var layout = Image(temp, tar.ToArray(endMarker: false), LayerCompression.None);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", "PAX extended header of 536870912 bytes");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task Gnu_and_pax_sparse_files_written_by_gnu_tar_are_read()
    {
        using var temp = new TempDirectory();
        var folder = Path.Combine(temp.Path, "content");
        Directory.CreateDirectory(folder);
        // Forty data islands: more than the four a GNU sparse header holds, so extension blocks follow it.
        using (var sparse = File.Create(Path.Combine(folder, "sparse")))
        {
            for (var i = 0; i < 40; i++)
            {
                sparse.Position = i * 100_000L;
                sparse.Write("island"u8);
            }
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "after"), "after\n", TestContext.Current.CancellationToken);
        var gnu = GnuTar(temp, folder, "gnu");
        var pax = GnuTar(temp, folder, "pax");
        var layout = new OciImageBuilder().Layer(BadImages.SmallLayer(), "base").Layer(gnu, "gnu").Layer(pax, "pax").WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", layout, "--json", "-"]);

        BadInputAssert.Accepted(result);
        Assert.Contains("after", Paths(result, 1));
        Assert.Contains("sparse", Paths(result, 1));
        Assert.Contains("after", Paths(result, 2));
    }

    private static byte[] GnuTar(TempDirectory temp, string folder, string format)
    {
        var output = temp.File($"{format}.tar");
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(
            "tar", ["--sparse", $"--format={format}", "-cf", output, "-C", folder, "sparse", "after"]))!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        var bytes = File.ReadAllBytes(output);
        if (format == "gnu")
        {
            Assert.Equal((byte)'S', bytes[156]); // GNU tar wrote an old-style sparse header, as the test needs
            Assert.NotEqual(0, bytes[482]); // with extension blocks after it
        }
        return bytes;
    }

    /// <summary>The paths dive's JSON lists for one layer.</summary>
    internal static List<string> Paths(CliResult result, int layer)
    {
        using var json = JsonDocument.Parse(result.StandardOutputBytes);
        return json.RootElement.GetProperty("layer")[layer].GetProperty("fileList").EnumerateArray()
            .Select(f => f.GetProperty("path").GetString()!).Order(StringComparer.Ordinal).ToList();
    }
}
