using Strata.Analysis.Model;
using Strata.Analysis.Reading;

namespace Strata.Analysis.Slim;

/// <summary>
/// Gives raw tar entries the <see cref="EntryKey"/> the analysis gave them, by the same rules as the layer reader:
/// normalised path, whiteout names turned into the path they remove, repeats counted.
/// </summary>
internal sealed class RawEntryKeys(string layerName)
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueMarker = ".wh..wh..opq";
    private readonly Dictionary<(string, EntryKind), int> _seen = [];

    /// <summary>The entry's key; null for the root folder and for entries the analysis does not read.</summary>
    public EntryKey? Of(RawTarEntry entry, out bool isRoot)
    {
        var path = EntryPath.Normalize(entry.Name, layerName, out _);
        isRoot = path.Length == 0;
        if (isRoot || Kind(entry.TypeFlag) is not { } kind)
        {
            return null;
        }
        var slash = path.LastIndexOf('/');
        var baseName = path[(slash + 1)..];
        if (baseName.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
        {
            var parent = slash < 0 ? "" : path[..slash];
            if (baseName == OpaqueMarker)
            {
                (kind, path) = (EntryKind.OpaqueWhiteout, parent);
            }
            else if (baseName.StartsWith(WhiteoutPrefix + WhiteoutPrefix, StringComparison.Ordinal))
            {
                return null;
            }
            else
            {
                var removed = baseName[WhiteoutPrefix.Length..];
                (kind, path) = (EntryKind.Whiteout, parent.Length == 0 ? removed : $"{parent}/{removed}");
            }
        }
        _seen.TryGetValue((path, kind), out var count);
        _seen[(path, kind)] = count + 1;
        return new EntryKey(path, kind, count);
    }

    private static EntryKind? Kind(byte typeFlag) => typeFlag switch
    {
        (byte)'0' or 0 or (byte)'7' or (byte)'S' => EntryKind.File,
        (byte)'5' => EntryKind.Directory,
        (byte)'2' => EntryKind.Symlink,
        (byte)'1' => EntryKind.Hardlink,
        (byte)'3' => EntryKind.CharDevice,
        (byte)'4' => EntryKind.BlockDevice,
        (byte)'6' => EntryKind.Fifo,
        _ => null,
    };
}
