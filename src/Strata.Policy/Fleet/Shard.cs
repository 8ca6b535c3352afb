using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Strata.Images;

namespace Strata.Policy.Fleet;

/// <summary>
/// <c>--shard i/n</c>: the repositories whose stable hash modulo n is i. The hash is the first eight bytes of the
/// SHA-256 of the repository's name (UTF-8), read big-endian, so every machine and every run splits a registry alike.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public static readonly Shard Whole = new(0, 1);

    public static Shard Parse(string text, string option)
    {
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new StrataException($"{option}: '{text}' is not i/n, as in 0/4");
        }
        if (count < 1)
        {
            throw new StrataException($"{option}: '{text}' splits into {count} shards; give 1 or more");
        }
        return index < count ? new Shard(index, count) : throw new StrataException($"{option}: shard {index} of {count} does not exist; i runs from 0 to {count - 1}");
    }

    public bool Takes(string repository) => Count == 1 || (int)(Hash(repository) % (ulong)Count) == Index;

    public static ulong Hash(string repository) =>
        BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(repository)));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
