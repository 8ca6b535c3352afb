using Strata.Sbom.Capture;
using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers;

/// <summary>What a cataloger works from: its captured files (every layer's version), the OS, and where to warn.</summary>
public sealed class CatalogContext(IReadOnlyList<CapturedFile> files, OsInfo? os, Action<string> warn, Func<int, string, PackageLocation> locate)
{
    /// <summary>Captured files in layer order; a path a later layer rewrote appears once per layer that stored it.</summary>
    public IReadOnlyList<CapturedFile> Files { get; } = files;

    /// <summary>The files the final file system shows.</summary>
    public IEnumerable<CapturedFile> VisibleFiles => Files.Where(f => f.Visible);

    public OsInfo? Os { get; } = os;

    public void Warn(string message) => warn(message);

    /// <summary>The location of a path as stored by a layer: the layer's diff_id and Dockerfile line.</summary>
    public PackageLocation Locate(int layer, string path) => locate(layer, path);
}
