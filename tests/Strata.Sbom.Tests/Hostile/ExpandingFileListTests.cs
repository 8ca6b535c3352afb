using System.Buffers.Binary;
using System.Text;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;
using Strata.Sbom.Tests.Os;

namespace Strata.Sbom.Tests.Hostile;

/// <summary>
/// rpm and apk name a folder once and each file in it after: one folder name of 1 MiB and a hundred thousand files
/// would make 100 GB of paths. The file lists stop at a budget with a warning, and every package is still found.
/// </summary>
public sealed class ExpandingFileListTests
{
    private const int Files = 100_000;
    private static readonly string LongFolder = "/" + new string('d', 1024 * 1024) + "/";

    [Fact]
    public void An_apk_folder_of_a_mebibyte_holding_100000_files_stops_at_the_budget()
    {
        var installed = new StringBuilder("P:hostile\nV:1-r0\nF:").Append(LongFolder.Trim('/')).Append('\n');
        for (var i = 0; i < Files; i++)
        {
            installed.Append("R:f\n");
        }
        installed.Append("\nP:good\nV:2-r0\nF:usr/bin\nR:good\n");

        var run = Bounded.Run(
            () => CatalogRun.Of(new ApkCataloger(), null, CatalogRun.File("lib/apk/db/installed", installed.ToString())),
            400 * Bounded.MiB);

        Assert.Equal(["hostile", "good"], run.Names);
        var listed = run.Single("hostile").Files.Count;
        Assert.InRange(listed, 1, Files - 1);
        Assert.Empty(run.Single("good").Files);
        Assert.Equal("/lib/apk/db/installed: file lists longer than 33554432 characters in all; later files are not listed", Assert.Single(run.Warnings));
    }

    [Fact]
    public async Task An_rpm_header_with_a_mebibyte_folder_holding_100000_files_stops_at_the_budget()
    {
        var real = await RealRpmDatabase.GetAsync(TestContext.Current.CancellationToken);
        var tiny = real.Headers.Single(h => Encoding.UTF8.GetString(h).Contains("A tiny package", StringComparison.Ordinal));
        var ndb = Ndb.Write([HeaderWithOneFolder(), tiny]);

        var run = Bounded.Run(
            () => CatalogRun.Of(new RpmCataloger(), new OsInfo("fedora", "40", "Fedora Linux 40", null), CatalogRun.File("usr/lib/sysimage/rpm/Packages.db", ndb)),
            400 * Bounded.MiB);

        Assert.Equal(["hostile", "tiny"], run.Names.Order(StringComparer.Ordinal));
        Assert.InRange(run.Single("hostile").Files.Count, 1, Files - 1);
        Assert.Equal("/usr/lib/sysimage/rpm/Packages.db: file lists longer than 33554432 characters in all; later files are not listed", Assert.Single(run.Warnings));
    }

    /// <summary>
    /// An rpm header laid out by the format (big-endian index of tag, type, offset, count; then the data): name,
    /// version, release, one DIRNAMES entry of 1 MiB and <see cref="Files"/> BASENAMES all in it.
    /// </summary>
    private static byte[] HeaderWithOneFolder()
    {
        var data = new MemoryStream();
        var index = new List<(int Tag, int Type, int Offset, int Count)>();
        void Strings(int tag, int type, params string[] values)
        {
            index.Add((tag, type, (int)data.Length, values.Length));
            foreach (var value in values)
            {
                data.Write(Encoding.UTF8.GetBytes(value));
                data.WriteByte(0);
            }
        }
        Strings(1000, 6, "hostile");
        Strings(1001, 6, "1");
        Strings(1002, 6, "1");
        Strings(1118, 8, LongFolder);
        Strings(1117, 8, Enumerable.Repeat("f", Files).ToArray());
        while (data.Length % 4 != 0)
        {
            data.WriteByte(0);
        }
        index.Add((1116, 4, (int)data.Length, Files));
        data.Write(new byte[4 * Files]);
        var blob = new byte[8 + (16 * index.Count) + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(blob, index.Count);
        BinaryPrimitives.WriteInt32BigEndian(blob.AsSpan(4), (int)data.Length);
        for (var i = 0; i < index.Count; i++)
        {
            var entry = blob.AsSpan(8 + (16 * i));
            BinaryPrimitives.WriteInt32BigEndian(entry, index[i].Tag);
            BinaryPrimitives.WriteInt32BigEndian(entry[4..], index[i].Type);
            BinaryPrimitives.WriteInt32BigEndian(entry[8..], index[i].Offset);
            BinaryPrimitives.WriteInt32BigEndian(entry[12..], index[i].Count);
        }
        data.ToArray().CopyTo(blob, 8 + (16 * index.Count));
        return blob;
    }
}
