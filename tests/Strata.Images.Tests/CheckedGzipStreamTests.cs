using System.IO.Compression;
using Strata.Images.Layers;

namespace Strata.Images.Tests;

/// <summary>
/// How a gzip stream ends, on streams large enough that only the tail of the output is kept for the last member's
/// check. Members are written by .NET's own GZipStream and joined by hand (RFC 1952 section 2.2), not by Strata.
/// </summary>
public sealed class CheckedGzipStreamTests
{
    private const int Large = 20 * 1024 * 1024;

    private static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Member(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }
        return output.ToArray();
    }

    /// <summary>Reads the stream through as a layer would; its output and whether it ended without a trailer.</summary>
    private static (byte[] Output, bool EndedWithoutTrailer) Read(byte[] blob)
    {
        using var checkedGzip = new CheckedGzipStream(new MemoryStream(blob), "layer 1", blob.Length);
        using var output = new MemoryStream();
        var buffer = new byte[1 << 18];
        int read;
        while ((read = checkedGzip.Read(buffer)) > 0)
        {
            output.Write(buffer, 0, read);
        }
        return (output.ToArray(), checkedGzip.EndedWithoutTrailer);
    }

    [Fact]
    public void A_whole_large_member_ends_with_its_trailer()
    {
        var content = Random(Large, 1);

        var (output, noTrailer) = Read(Member(content));

        Assert.Equal(content, output);
        Assert.False(noTrailer);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(300_000)]
    [InlineData(1024 * 1024)]
    public void A_small_last_member_after_a_large_one_is_checked_against_the_kept_tail(int lastLength)
    {
        var first = Random(Large, 2);
        var last = Random(lastLength, 3);

        var (output, noTrailer) = Read([.. Member(first), .. Member(last)]);

        Assert.Equal(first.Length + last.Length, output.Length);
        Assert.False(noTrailer);
    }

    [Fact]
    public void A_large_member_without_its_trailer_is_flagged()
    {
        var member = Member(Random(Large, 4));

        var (_, noTrailer) = Read(member[..^8]);

        Assert.True(noTrailer);
    }

    [Fact]
    public void A_large_stream_cut_in_its_last_member_is_flagged()
    {
        var blob = Member(Random(Large, 5)).Concat(Member(Random(500_000, 6))).ToArray();

        var (_, noTrailer) = Read(blob[..^100_000]);

        Assert.True(noTrailer);
    }

    [Fact]
    public void A_large_stream_cut_in_the_middle_is_flagged()
    {
        var blob = Member(Random(Large, 7));

        var (output, noTrailer) = Read(blob[..(blob.Length / 2)]);

        Assert.True(output.Length < Large);
        Assert.True(noTrailer);
    }
}
