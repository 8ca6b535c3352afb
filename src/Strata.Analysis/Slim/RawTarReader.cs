using System.Text;
using Strata.Images;

namespace Strata.Analysis.Slim;

/// <summary>
/// Walks a tar block by block, keeping every header byte as stored so that a rewrite can copy entries bit for bit.
/// The caller copies or skips each entry's data before asking for the next.
/// </summary>
internal sealed class RawTarReader(Stream tar, string layerName)
{
    private const int MaxExtensionBytes = 1024 * 1024;
    private readonly byte[] _block = new byte[TarFields.Block];
    private long _unread;

    public RawTarEntry? Next()
    {
        if (_unread > 0)
        {
            throw new InvalidOperationException("the previous entry's data was not consumed");
        }
        var extensions = new List<RawTarBlock>();
        string? paxPath = null, paxLink = null, longName = null, longLink = null;
        long? paxSize = null;
        while (true)
        {
            if (!ReadBlock(_block) || _block.AsSpan().IndexOfAnyExcept((byte)0) < 0)
            {
                return null;
            }
            var header = _block.ToArray();
            var type = header[TarFields.TypeOffset];
            var size = TarFields.Number(header.AsSpan(TarFields.SizeOffset, 12));
            if (type is (byte)'x' or (byte)'g' or (byte)'L' or (byte)'K')
            {
                if (size > MaxExtensionBytes)
                {
                    throw new StrataException($"{layerName}: a tar extension header of {size} bytes is larger than Strata reads");
                }
                var data = new byte[(size + 511) / 512 * 512];
                if (!ReadBlock(data))
                {
                    throw new StrataException($"{layerName}: the layer ends inside a tar extension header (truncated)");
                }
                extensions.Add(new RawTarBlock(header, data));
                var content = data.AsSpan(0, (int)size);
                switch (type)
                {
                    case (byte)'x':
                        foreach (var (key, value) in TarFields.PaxRecords(content))
                        {
                            switch (key)
                            {
                                case "path": paxPath = Encoding.UTF8.GetString(value); break;
                                case "linkpath": paxLink = Encoding.UTF8.GetString(value); break;
                                case "size" when long.TryParse(Encoding.ASCII.GetString(value), out var s): paxSize = s; break;
                            }
                        }
                        break;
                    case (byte)'L': longName = TarFields.Text(content); break;
                    case (byte)'K': longLink = TarFields.Text(content); break;
                }
                continue;
            }
            var entry = new RawTarEntry(
                extensions,
                header,
                paxPath ?? longName ?? TarFields.HeaderName(header),
                paxLink ?? longLink ?? TarFields.Text(header.AsSpan(TarFields.LinkOffset, TarFields.FieldLength)),
                paxSize ?? size);
            _unread = entry.PaddedSize;
            return entry;
        }
    }

    /// <summary>
    /// Copies the current entry's data to <paramref name="output"/> (or skips it when null): with its padding, or only
    /// the first <paramref name="keep"/> bytes.
    /// </summary>
    public void Data(Stream? output, byte[] buffer, long keep = long.MaxValue)
    {
        while (_unread > 0)
        {
            var read = tar.Read(buffer, 0, (int)Math.Min(buffer.Length, _unread));
            if (read == 0)
            {
                throw new StrataException($"{layerName}: the layer ends inside an entry's data (truncated)");
            }
            var written = (int)Math.Clamp(keep, 0, read);
            output?.Write(buffer, 0, written);
            keep -= written;
            _unread -= read;
        }
    }

    /// <summary>Reads what follows the end-of-archive marker, so a verifying source sees its whole stream.</summary>
    public void Drain(byte[] buffer)
    {
        while (tar.Read(buffer, 0, buffer.Length) > 0)
        {
        }
    }

    private bool ReadBlock(byte[] block) => tar.ReadAtLeast(block, block.Length, throwOnEndOfStream: false) == block.Length;
}
