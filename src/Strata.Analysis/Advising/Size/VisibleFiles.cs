using Strata.Analysis.Model;

namespace Strata.Analysis.Advising.Size;

/// <summary>The final file system's regular files, each with the layer whose entry it shows.</summary>
internal sealed class VisibleFiles
{
    private readonly Dictionary<string, (int Layer, FileEntry Entry)> _byPath = new(StringComparer.Ordinal);

    public VisibleFiles(ImageAnalysis analysis)
    {
        foreach (var layer in analysis.Layers)
        {
            foreach (var entry in layer.Entries)
            {
                if (entry.IsRegularFile && !entry.IsDead)
                {
                    _byPath[entry.Path] = (layer.Index, entry);
                }
            }
        }
    }

    public IEnumerable<(int Layer, FileEntry Entry)> All => _byPath.Values;

    /// <summary>The visible file at a path (with or without a leading slash), if any.</summary>
    public (int Layer, FileEntry Entry)? At(string path) =>
        _byPath.TryGetValue(path.TrimStart('/'), out var found) ? found : null;
}
