using System.Security.Cryptography;
using System.Text;
using Strata.Images.Cache;
using Strata.Images.Model;
using Strata.TestKit;

namespace Strata.Images.Tests;

/// <summary>The blob cache keeps sha512 blobs as it keeps sha256 ones: checked with their own algorithm, filed by parsed digest.</summary>
public sealed class BlobCacheDigestTests
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("{\"architecture\":\"amd64\"}");

    [Fact]
    public void A_sha512_blob_is_checked_and_filed_under_blobs_sha512()
    {
        using var temp = new TempDirectory();
        var cache = new BlobCache(temp.Path);
        var hex = Convert.ToHexStringLower(SHA512.HashData(Content));
        var digest = Digest.Parse("sha512:" + hex, "test");

        cache.Put(digest, Content);

        Assert.Equal(Content, File.ReadAllBytes(Path.Combine(temp.Path, "blobs", "sha512", hex)));
        Assert.Equal(Content, cache.TryReadSmall(digest, Content.Length));
        Assert.Equal([digest], cache.List().Select(b => b.Digest));
    }

    [Fact]
    public void A_sha512_blob_whose_bytes_do_not_match_is_not_kept()
    {
        using var temp = new TempDirectory();
        var cache = new BlobCache(temp.Path);
        var hex = Convert.ToHexStringLower(SHA512.HashData(Content));
        var digest = Digest.Parse("sha512:" + hex, "test");
        var other = Content.ToArray();
        other[0] = (byte)'[';

        var refused = Assert.Throws<StrataException>(() => cache.Put(digest, other));

        Assert.Contains($"blob {digest}", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Path, "blobs", "sha512", hex)));
        Assert.Null(cache.TryReadSmall(digest, Content.Length));
    }

    [Fact]
    public void A_cached_file_that_no_longer_matches_its_sha512_name_is_not_served()
    {
        using var temp = new TempDirectory();
        var cache = new BlobCache(temp.Path);
        var hex = Convert.ToHexStringLower(SHA512.HashData(Content));
        var digest = Digest.Parse("sha512:" + hex, "test");
        cache.Put(digest, Content);
        var tampered = Content.ToArray();
        tampered[^1] = (byte)']';
        File.WriteAllBytes(Path.Combine(temp.Path, "blobs", "sha512", hex), tampered);

        Assert.Null(cache.TryReadSmall(digest, Content.Length));
    }
}
