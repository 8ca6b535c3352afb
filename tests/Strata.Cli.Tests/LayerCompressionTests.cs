using System.Diagnostics;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>
/// A layer's compression is named from its magic bytes, and faults of the compressed stream are reported as such:
/// formats OCI does not use are refused by name, a gzip header or trailer that is cut is told apart from a tar defect.
/// </summary>
public sealed class LayerCompressionTests
{
    private static byte[] Tar() =>
        new LayerBuilder().Directory("app").File("app/data.bin", Payload(200_000)).File("app/readme", "hello\n").ToTar();

    private static byte[] Payload(int length)
    {
        var bytes = new byte[length];
        new Random(99).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A two-layer layout whose layer 1 is stored as <paramref name="blob"/>, every digest above it made right.</summary>
    private static string ImageWithLayerBlob(TempDirectory temp, byte[] blob)
    {
        var layout = new OciImageBuilder().Layer(BadImages.SmallLayer(), "base").Layer(Tar(), "app").WriteOciLayout(temp.Path);
        BadImages.ReplaceLayer(layout, 1, blob);
        return layout;
    }

    /// <summary>The layer compressed by the real command-line tool, a peer independent of Strata.</summary>
    private static byte[] CompressWith(TempDirectory temp, string tool)
    {
        var path = temp.File("layer.tar");
        File.WriteAllBytes(path, Tar());
        using var process = Process.Start(new ProcessStartInfo(tool, ["-k", "-f", path]))!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return File.ReadAllBytes(path + (tool == "bzip2" ? ".bz2" : ".xz"));
    }

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData("bzip2")]
    [InlineData("xz")]
    public async Task A_layer_compressed_with_bzip2_or_xz_is_refused_by_name(string tool)
    {
        using var temp = new TempDirectory();
        var layout = ImageWithLayerBlob(temp, CompressWith(temp, tool));

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", $"compressed with {tool}", "gzip, zstd or uncompressed");
        Assert.DoesNotContain("tar header", result.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_gzip_header_whose_file_name_never_ends_is_a_gzip_error()
    {
        using var temp = new TempDirectory();
        // RFC 1952: ID1 ID2 CM=8 FLG=FNAME(0x08), MTIME(4), XFL, OS, then a zero-terminated name that has no zero.
        byte[] header = [0x1f, 0x8b, 0x08, 0x08, 0, 0, 0, 0, 0, 3];
        var layout = ImageWithLayerBlob(temp, [.. header, .. Enumerable.Repeat((byte)'n', 5000)]);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", "gzip stream ends inside its header", "file-name field");
        Assert.DoesNotContain("tar header", result.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_gzip_layer_without_its_trailer_is_read_with_a_warning()
    {
        using var temp = new TempDirectory();
        // The 8-byte trailer (CRC-32, length) is gone; the deflate data is whole, so the content still matches the diff_id.
        var gzip = OciImageBuilder.Compress(Tar(), LayerCompression.Gzip);
        var layout = ImageWithLayerBlob(temp, gzip[..^8]);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Accepted(result);
        var warning = result.Error.Split('\n').SingleOrDefault(l => l.Contains("trailer", StringComparison.Ordinal));
        Assert.True(warning is not null, $"no warning about the trailer:\n{result.Error}");
        Assert.Contains("layer 1", warning, StringComparison.Ordinal);
        Assert.Contains("diff_id", warning, StringComparison.Ordinal);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_whole_gzip_layer_gives_no_trailer_warning()
    {
        using var temp = new TempDirectory();
        var layout = ImageWithLayerBlob(temp, OciImageBuilder.Compress(Tar(), LayerCompression.Gzip));

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Accepted(result);
        Assert.DoesNotContain("trailer", result.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task Several_gzip_members_are_one_layer_without_a_warning()
    {
        using var temp = new TempDirectory();
        // Concatenated members are one gzip stream (RFC 1952 section 2.2), as eStargz layers are written.
        var tar = Tar();
        var split = 100_000;
        var blob = OciImageBuilder.Compress(tar[..split], LayerCompression.Gzip)
            .Concat(OciImageBuilder.Compress(tar[split..], LayerCompression.Gzip)).ToArray();
        var layout = ImageWithLayerBlob(temp, blob);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Accepted(result);
        Assert.DoesNotContain("trailer", result.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_gzip_layer_cut_in_the_middle_is_reported_as_a_gzip_fault()
    {
        using var temp = new TempDirectory();
        var gzip = OciImageBuilder.Compress(Tar(), LayerCompression.Gzip);
        var layout = ImageWithLayerBlob(temp, gzip[..(gzip.Length / 2)]);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", "gzip stream ends early");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task Reading_a_zstd_layout_leaves_no_blob_open()
    {
        using var temp = new TempDirectory();
        var layout = new OciImageBuilder()
            .Layer(BadImages.SmallLayer(), "base", LayerCompression.Zstd)
            .Layer(Tar(), "app", LayerCompression.Zstd)
            .WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Accepted(result);
        var blobs = Path.Combine(Path.GetFullPath(layout), "blobs") + "/";
        var open = OpenFiles().Where(f => f.StartsWith(blobs, StringComparison.Ordinal)).ToList();
        Assert.True(open.Count == 0, $"blobs still open after the command: {string.Join(", ", open)}");
    }

    /// <summary>What this process has open, from Linux's /proc/self/fd.</summary>
    private static List<string> OpenFiles()
    {
        var files = new List<string>();
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target)
                {
                    files.Add(target);
                }
            }
            catch (IOException)
            {
                // closed between listing and reading: not open
            }
        }
        return files;
    }
}
