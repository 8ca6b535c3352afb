using System.Text;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>The headers of the outer docker or OCI archive are checked as strictly as a layer's.</summary>
public sealed class ArchiveHeaderTests
{
    /// <summary>The offset of the ustar header of <paramref name="name"/> (a regular file) in a tar.</summary>
    private static int HeaderOf(byte[] tar, string name)
    {
        var wanted = Encoding.ASCII.GetBytes(name + "\0");
        for (var offset = 0; offset + HandTar.Block <= tar.Length; offset += HandTar.Block)
        {
            if (tar.AsSpan(offset, wanted.Length).SequenceEqual(wanted) && tar[offset + 156] == (byte)'0')
            {
                return offset;
            }
        }
        Assert.Fail($"no header for '{name}'");
        return -1;
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_wrong_checksum_in_the_docker_archive_names_the_archive_and_entry()
    {
        using var temp = new TempDirectory();
        var path = BadImages.DockerArchive(temp, [BadImages.SmallLayer()]);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        var header = HeaderOf(bytes, "manifest.json");
        var block = bytes.AsSpan(header, HandTar.Block).ToArray();
        HandTar.Ascii(block, 148, 8, "000001\0 ");
        block.CopyTo(bytes, header);
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["analyze", path]);

        BadInputAssert.Rejected(result, path, "tar header of entry 'manifest.json' (after 'layers/0.tar')", $"checksum is 1, the header sums to {HandTar.Sum(block)}");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_checksum_that_is_not_octal_in_the_first_header_is_not_a_tar_archive()
    {
        using var temp = new TempDirectory();
        var path = BadImages.DockerArchive(temp, [BadImages.SmallLayer()]);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Encoding.ASCII.GetBytes("zzzzzz\0 ").CopyTo(bytes, 148);
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["analyze", path]);

        BadInputAssert.Rejected(result, path, "not a tar archive", "checksum field 'zzzzzz' is not octal");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_512_mib_long_name_in_the_archive_is_refused_at_its_header()
    {
        using var temp = new TempDirectory();
        var path = temp.File("image.tar");
        var tar = new HandTar().File("manifest.json", "[]");
        tar.Add("././@LongLink", 'L', size: 512L * 1024 * 1024, writeData: false);
        await File.WriteAllBytesAsync(path, tar.ToArray(endMarker: false), TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["analyze", "docker-archive:" + path]);

        BadInputAssert.Rejected(result, path, "GNU long name of 536870912 bytes", "65536-byte limit");
    }

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData("gzip", "gzip")]
    [InlineData("xz", "xz")]
    [InlineData("bzip2", "bzip2")]
    public async Task A_compressed_archive_is_named_by_its_compression(string tool, string named)
    {
        using var temp = new TempDirectory();
        var path = BadImages.DockerArchive(temp, [BadImages.SmallLayer()]);
        using (var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(tool, ["-k", "-f", path]))!)
        {
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, process.ExitCode);
        }
        var compressed = path + (tool switch { "gzip" => ".gz", "xz" => ".xz", _ => ".bz2" });

        var result = await CliRunner.RunAsync(["analyze", "docker-archive:" + compressed]);

        BadInputAssert.Rejected(result, compressed, "not a tar archive", $"compressed with {named}");
    }
}
