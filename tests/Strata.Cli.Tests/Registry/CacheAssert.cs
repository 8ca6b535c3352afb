using System.Security.Cryptography;

namespace Strata.Cli.Tests.Registry;

internal static class CacheAssert
{
    /// <summary>Every blob in the cache hashes to its name; returns their digests.</summary>
    public static IReadOnlyList<string> AllVerified(string cacheDirectory)
    {
        var folder = Path.Combine(cacheDirectory, "blobs", "sha256");
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var digests = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            using var stream = File.OpenRead(file);
            var hex = Convert.ToHexStringLower(SHA256.HashData(stream));
            Assert.Equal(Path.GetFileName(file), hex);
            digests.Add("sha256:" + hex);
        }
        return digests;
    }
}
