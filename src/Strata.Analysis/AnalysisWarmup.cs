using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Strata.Analysis.Model;
using Strata.Images.Model;
using Strata.Images.Sources;

namespace Strata.Analysis;

/// <summary>
/// A two-layer image built in memory and analysed once, so that what a run meets first (OpenSSL's and zlib's start,
/// JSON parsing, types loaded and code compiled on first use, down to dive's numbers) is met by a core that would
/// otherwise wait while the command line is parsed and the image opened. Nothing of it is kept but the result.
/// </summary>
public static class AnalysisWarmup
{
    public static ImageAnalysis Run()
    {
        byte[][] layers = [Layer(FirstLayer), Layer(SecondLayer)];
        var diffIds = layers.Select(l => Digest.ComputeSha256(Inflate(l))).ToArray();
        var configJson = Encoding.UTF8.GetBytes(
            $$"""{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["{{diffIds[0]}}","{{diffIds[1]}}"]},"history":[{"created_by":"warm-up"},{"created_by":"warm-up"}]}""");
        var config = ImageConfig.Parse(configJson, "warm-up config");
        var blobs = layers
            .Select((bytes, i) => new LayerBlob(
                i, $"warm-up layer {i}", Digest.ComputeSha256(bytes), bytes.Length, null, diffIds[i], "warm-up", false, bytes.Length,
                () => new MemoryStream(bytes, writable: false)))
            .ToList();
        using var image = new ResolvedImage("warm-up", null, Digest.ComputeSha256(configJson), config, blobs, null);
        return ImageAnalyzer.Analyze(image, new AnalysisOptions { Parallelism = 1 });
    }

    private static void FirstLayer(TarWriter tar)
    {
        tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "app/"));
        File(tar, "app/a.txt", 300);
        File(tar, "app/b.txt", 300);
        File(tar, "app/c.txt", 20);
        tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "app/link") { LinkName = "a.txt" });
    }

    private static void SecondLayer(TarWriter tar)
    {
        File(tar, "app/a.txt", 5);
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "app/.wh.c.txt"));
    }

    private static void File(TarWriter tar, string name, int size) =>
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(new byte[size]) });

    private static byte[] Layer(Action<TarWriter> write)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            write(tar);
        }
        return compressed.ToArray();
    }

    private static byte[] Inflate(byte[] gzip)
    {
        using var inflated = new MemoryStream();
        using (var stream = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress))
        {
            stream.CopyTo(inflated);
        }
        return inflated.ToArray();
    }
}
