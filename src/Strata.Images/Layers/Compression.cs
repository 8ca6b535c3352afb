namespace Strata.Images.Layers;

public enum Compression
{
    None,
    Gzip,
    Zstd,
}

public static class CompressionDetector
{
    /// <summary>By magic bytes first (archives carry no media types), then by media type suffix.</summary>
    public static Compression Detect(ReadOnlySpan<byte> head, string? mediaType)
    {
        if (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            return Compression.Gzip;
        }
        if (head.Length >= 4 && head[0] == 0x28 && head[1] == 0xb5 && head[2] == 0x2f && head[3] == 0xfd)
        {
            return Compression.Zstd;
        }
        if (mediaType is not null && (mediaType.EndsWith("+gzip", StringComparison.Ordinal) || mediaType.EndsWith("+zstd", StringComparison.Ordinal)))
        {
            // Declared compressed but the bytes say otherwise: let the decoder report the corruption.
            return mediaType.EndsWith("+gzip", StringComparison.Ordinal) ? Compression.Gzip : Compression.Zstd;
        }
        return Compression.None;
    }

    /// <summary>Formats recognised by their magic bytes that OCI layers never use, so Strata names them and stops.</summary>
    public static string? Refused(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 4 && head.StartsWith("BZh"u8) && head[3] is >= (byte)'1' and <= (byte)'9')
        {
            return "bzip2";
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))
        {
            return "xz";
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x04, 0x22, 0x4d, 0x18]))
        {
            return "lz4";
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1f, 0x9d]))
        {
            return "Unix compress (LZW)";
        }
        return null;
    }
}
