using System.Security.Cryptography;

namespace Strata.Images.Model;

/// <summary>A content digest such as <c>sha256:abc…</c>.</summary>
public readonly record struct Digest(string Algorithm, string Hex)
{
    public static Digest Parse(string text, string context)
    {
        if (TryParse(text, out var digest))
        {
            return digest;
        }
        throw new StrataException($"{context}: '{text}' is not a valid digest");
    }

    public static bool TryParse(string? text, out Digest digest)
    {
        digest = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }
        var algorithm = text[..colon];
        var hex = text[(colon + 1)..];
        if (algorithm == "sha256" && (hex.Length != 64 || !hex.All(IsLowerHex)))
        {
            return false;
        }
        if (hex.Length == 0 || !hex.All(c => char.IsAsciiLetterOrDigit(c) || c is '=' or '_' or '-'))
        {
            return false;
        }
        digest = new Digest(algorithm, hex);
        return true;
    }

    public static Digest FromSha256(ReadOnlySpan<byte> hash) => new("sha256", Convert.ToHexStringLower(hash));

    public static Digest ComputeSha256(ReadOnlySpan<byte> content) => FromSha256(SHA256.HashData(content));

    public override string ToString() => $"{Algorithm}:{Hex}";

    private static bool IsLowerHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f');
}
