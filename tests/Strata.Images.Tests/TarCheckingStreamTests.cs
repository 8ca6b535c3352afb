using System.Diagnostics;
using System.Formats.Tar;
using Strata.Images.Layers;
using Strata.TestKit;

namespace Strata.Images.Tests;

/// <summary>The checking stream passes well-formed tars through byte for byte, whatever GNU tar and .NET write.</summary>
public sealed class TarCheckingStreamTests
{
    /// <summary>Archives of one folder (long names and a long link where the format allows) in each format GNU tar writes.</summary>
    public static TheoryData<string> Formats => ["gnu", "pax", "ustar", "v7", "oldgnu"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Gnu_tar_archives_pass_through_unchanged(string format)
    {
        using var temp = new TempDirectory();
        var folder = Path.Combine(temp.Path, "content");
        // ustar and v7 cannot hold names this long; they get short ones.
        var length = format is "ustar" or "v7" ? 20 : 95;
        var deep = Path.Combine(folder, new string('d', length), new string('e', length));
        Directory.CreateDirectory(deep);
        File.WriteAllText(Path.Combine(deep, new string('f', length)), "long\n");
        File.WriteAllText(Path.Combine(folder, "plain"), "plain\n");
        File.CreateSymbolicLink(Path.Combine(folder, "link"), new string('t', format is "ustar" or "v7" ? 50 : 150));
        var bytes = GnuTar(temp, folder, format);

        var passed = ReadThrough(bytes);

        Assert.Equal(bytes, passed);
        var names = new List<string>();
        using var reader = new TarReader(new MemoryStream(passed));
        while (reader.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
        }
        Assert.Contains(names, n => n.EndsWith("plain", StringComparison.Ordinal));
    }

    [Fact]
    public void Dotnet_pax_and_gnu_archives_pass_through_unchanged_and_check_whole_on_a_seekable_file()
    {
        foreach (var format in new[] { TarEntryFormat.Pax, TarEntryFormat.Gnu })
        {
            var tar = new LayerBuilder { Format = format }
                .Directory("a").File("a/" + new string('n', 300), "x").Symlink("l", new string('t', 200)).File("after", "y").ToTar();

            Assert.Equal(tar, ReadThrough(tar));
            using var checking = new TarCheckingStream(new MemoryStream(tar), "test");
            checking.CheckAll();
            Assert.True(checking.HeadersChecked >= 4);
        }
    }

    private static byte[] ReadThrough(byte[] tar)
    {
        using var checking = new TarCheckingStream(new MemoryStream(tar), "test");
        using var output = new MemoryStream();
        // Odd-sized reads, so that no read lines up with a block.
        var buffer = new byte[333];
        int read;
        while ((read = checking.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, read);
        }
        return output.ToArray();
    }

    private static byte[] GnuTar(TempDirectory temp, string folder, string format)
    {
        var output = temp.File($"{format}.tar");
        var start = new ProcessStartInfo("tar", [$"--format={format}", "-cf", output, "-C", folder, "."]) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"tar --format={format} failed: {error}");
        return File.ReadAllBytes(output);
    }
}
