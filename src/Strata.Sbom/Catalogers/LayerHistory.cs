namespace Strata.Sbom.Catalogers;

/// <summary>
/// The versions of one package database file that the layers stored, oldest first, ending with the one the image
/// shows. A package came from the earliest layer from which every later version lists it, without a gap.
/// </summary>
internal sealed class LayerHistory
{
    private readonly List<(int Layer, HashSet<string> Keys)> _versions = [];

    public void Add(int layer, IEnumerable<string> keys) => _versions.Add((layer, keys.ToHashSet(StringComparer.Ordinal)));

    /// <summary>The layer that put <paramref name="key"/> into the last version added.</summary>
    public int OriginOf(string key)
    {
        var i = _versions.Count - 1;
        while (i > 0 && _versions[i - 1].Keys.Contains(key))
        {
            i--;
        }
        return _versions[i].Layer;
    }

    /// <summary>The identity a package keeps across versions of its database: name, version and architecture.</summary>
    public static string Key(string name, string version, string? arch) => $"{name}\0{version}\0{arch}";
}
