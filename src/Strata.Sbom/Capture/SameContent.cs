using System.IO.Hashing;

namespace Strata.Sbom.Capture;

/// <summary>Captured contents compared byte for byte, so that files with the same bytes can share one reading.</summary>
internal sealed class SameContent : IEqualityComparer<byte[]>
{
    public static readonly SameContent Instance = new();

    public bool Equals(byte[]? x, byte[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(byte[] content) => (int)XxHash3.HashToUInt64(content);
}
