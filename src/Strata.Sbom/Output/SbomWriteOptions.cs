namespace Strata.Sbom.Output;

/// <summary>What varies between runs: the document's time and its serial number (fixed when SOURCE_DATE_EPOCH is set).</summary>
public sealed record SbomWriteOptions(DateTimeOffset Timestamp, Guid SerialNumber, string ToolVersion)
{
    /// <summary>SOURCE_DATE_EPOCH makes the output reproducible: its time, and a serial derived from the content.</summary>
    public static SbomWriteOptions From(string? sourceDateEpoch, string toolVersion)
    {
        if (long.TryParse(sourceDateEpoch, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return new SbomWriteOptions(DateTimeOffset.FromUnixTimeSeconds(seconds), Guid.Empty, toolVersion);
        }
        return new SbomWriteOptions(DateTimeOffset.UtcNow, Guid.NewGuid(), toolVersion);
    }

    /// <summary>With a fixed time the serial is made from the document, so equal inputs give equal outputs.</summary>
    public Guid SerialFor(string documentKey)
    {
        if (SerialNumber != Guid.Empty)
        {
            return SerialNumber;
        }
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(documentKey));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // a name-based (v5-style) UUID
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
