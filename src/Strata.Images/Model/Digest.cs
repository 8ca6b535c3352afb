using System.Security.Cryptography;

namespace Strata.Images.Model;

/// <summary>
/// A content digest, <c>sha256:</c> + 64 or <c>sha512:</c> + 128 lowercase hex digits: the two algorithms the OCI
/// image spec registers. A value exists only through <see cref="Parse"/> or by hashing, so its algorithm and hex are
/// always safe to use as file names.
/// </summary>
public readonly record struct Digest
{
    public const string Sha256 = "sha256";
    public const string Sha512 = "sha512";

    private Digest(string algorithm, string hex)
    {
        Algorithm = algorithm;
        Hex = hex;
    }

    public string Algorithm { get; }

    public string Hex { get; }

    /// <summary><c>blobs/ALGORITHM/HEX</c>, where an OCI layout keeps this blob.</summary>
    public string LayoutPath => $"blobs/{Algorithm}/{Hex}";

    /// <summary>Parses a digest from image metadata; <paramref name="context"/> names the descriptor or field it came from.</summary>
    public static Digest Parse(string text, string context) =>
        TryParse(text, out var digest, out var problem)
            ? digest
            : throw new StrataException($"{context}: '{IO.ShownText.Of(text, 150)}' is not a valid digest ({problem})");

    public static bool TryParse(string? text, out Digest digest) => TryParse(text, out digest, out _);

    private static bool TryParse(string? text, out Digest digest, out string problem)
    {
        digest = default;
        if (string.IsNullOrEmpty(text))
        {
            problem = "it is empty";
            return false;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            problem = "expected ALGORITHM:HEX";
            return false;
        }
        var algorithm = text[..colon];
        var hex = text[(colon + 1)..];
        int? length = algorithm switch
        {
            Sha256 => 64,
            Sha512 => 128,
            _ => null,
        };
        if (length is null)
        {
            problem = "only sha256 and sha512 are supported";
            return false;
        }
        if (hex.Length != length || !hex.All(IsLowerHex))
        {
            problem = $"{algorithm} takes {length} lowercase hex digits";
            return false;
        }
        digest = new Digest(algorithm, hex);
        problem = "";
        return true;
    }

    /// <summary>A fresh hash of this digest's algorithm.</summary>
    public static IncrementalHash CreateHash(string algorithm) => algorithm switch
    {
        Sha256 => IncrementalHash.CreateHash(HashAlgorithmName.SHA256),
        Sha512 => IncrementalHash.CreateHash(HashAlgorithmName.SHA512),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "not a digest algorithm"),
    };

    /// <summary>The digest of a finished hash made by <see cref="CreateHash"/>.</summary>
    public static Digest FromHash(string algorithm, IncrementalHash hash) => new(algorithm, Convert.ToHexStringLower(hash.GetHashAndReset()));

    public static Digest Compute(string algorithm, ReadOnlySpan<byte> content) => algorithm switch
    {
        Sha256 => new Digest(Sha256, Convert.ToHexStringLower(SHA256.HashData(content))),
        Sha512 => new Digest(Sha512, Convert.ToHexStringLower(SHA512.HashData(content))),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "not a digest algorithm"),
    };

    public static Digest ComputeSha256(ReadOnlySpan<byte> content) => Compute(Sha256, content);

    /// <summary>Whether <paramref name="content"/> hashes, with this digest's own algorithm, to this digest.</summary>
    public bool Matches(ReadOnlySpan<byte> content) => Compute(Algorithm, content) == this;

    public override string ToString() => $"{Algorithm}:{Hex}";

    private static bool IsLowerHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f');
}
