using System.IO.Compression;

namespace Strata.Sbom.Catalogers.Language;

/// <summary>Inflates zip entries without trusting the sizes they declare.</summary>
internal static class ZipEntries
{
    /// <summary>The entry's bytes, or null when it declares or inflates to more than <paramref name="limit"/> bytes.</summary>
    public static byte[]? ReadAtMost(ZipArchiveEntry entry, long limit)
    {
        if (entry.Length > limit)
        {
            return null;
        }
        using var input = entry.Open();
        using var output = new MemoryStream((int)Math.Min(entry.Length, 1 << 20));
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (output.Length + read > limit)
            {
                return null;
            }
            output.Write(buffer, 0, read);
        }
        return output.ToArray();
    }

    public static ZipArchive Open(byte[] archive) => new(new MemoryStream(archive, writable: false), ZipArchiveMode.Read);
}
