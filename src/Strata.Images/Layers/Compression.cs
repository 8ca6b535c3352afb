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
}
