using System.Security.Cryptography;
using System.Text;

namespace Strata.Cli.Tests.CommandLine;

/// <summary>Puts blobs into a cache folder by hand, as the cache stores them: blobs/sha256/HEX.</summary>
internal static class CacheContent
{
    public static string Add(string cacheRoot, string content, TimeSpan? age = null)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var hex = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var folder = Path.Combine(cacheRoot, "blobs", "sha256");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, hex);
        File.WriteAllBytes(path, bytes);
        if (age is { } a)
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow - a);
        }
        return path;
    }

    public static string Digest(string blobPath) => "sha256:" + Path.GetFileName(blobPath);
}
