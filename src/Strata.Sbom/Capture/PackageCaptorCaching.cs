using System.Collections.Concurrent;
using Strata.Analysis.Caching;
using Strata.Sbom.Cache;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Os;

namespace Strata.Sbom.Capture;

/// <summary>
/// The captor's findings from one layer, kept per cataloger (its files, and the packages of files it catalogs on
/// arrival) and per OS detection, so that a layer known to the layer cache feeds the catalogers without being read.
/// </summary>
public sealed partial class PackageCaptor
{
    /// <summary>Layers whose capture warned or skipped a file: they are not kept, so that a later read says it again.</summary>
    private readonly ConcurrentDictionary<int, bool> _warnedLayers = new();

    private void Warn(int layer, string message)
    {
        _warnedLayers[layer] = true;
        _warn(message);
    }

    public IReadOnlyList<CaptorPart> Parts => _parts ??=
    [
        .. catalogers.Select(c => new CaptorPart(c.Name, CodeVersion.Of(c.GetType(), typeof(PackageCaptor)))),
        new CaptorPart(OsCataloger, CodeVersion.Of(typeof(OsDetector), typeof(PackageCaptor))),
    ];

    private IReadOnlyList<CaptorPart>? _parts;

    public IReadOnlyDictionary<string, byte[]>? Save(int layer)
    {
        if (_warnedLayers.ContainsKey(layer))
        {
            return null;
        }
        var held = _captured.Where(c => c.File.Layer == layer).ToList();
        var arrived = _catalogedOnArrival.Where(c => c.File.Layer == layer).ToList();
        // One file object may serve several catalogers: an id per object lets a restore share it again.
        var ids = new Dictionary<CapturedFile, int>(ReferenceEqualityComparer.Instance);
        int Id(CapturedFile file) => ids.TryGetValue(file, out var id) ? id : ids[file] = ids.Count;
        return Parts.ToDictionary(
            p => p.Name,
            p => CapturedLayerCodec.Encode(
                layer,
                held.Where(c => c.Cataloger == p.Name).Select(c => (Id(c.File), c.File)).ToList(),
                arrived.Where(c => c.Cataloger == p.Name).Select(c => (Id(c.File), c.File, c.Package)).ToList()),
            StringComparer.Ordinal);
    }

    public void Restore(int layer, IReadOnlyDictionary<string, byte[]> parts)
    {
        // Everything is decoded before anything is added, so a part that fails to decode leaves the captor as it was.
        var decoded = Parts.Select(p => (p.Name, Layer: CapturedLayerCodec.Decode(parts[p.Name], p.Name))).ToList();
        var files = new Dictionary<int, CapturedFile>();
        CapturedFile Shared(CapturedLayerCodec.FileRecord record) =>
            files.TryGetValue(record.Id, out var file)
                ? file
                : files[record.Id] = new CapturedFile(record.Path, layer, record.Size, record.Mode, record.Content) { Superseded = record.Superseded };
        foreach (var (name, saved) in decoded)
        {
            foreach (var record in saved.Held)
            {
                var file = Shared(record);
                Interlocked.Add(ref _held, file.Content.Length);
                _captured.Add((name, file));
            }
            foreach (var (record, package) in saved.Arrived)
            {
                var relocated = package with
                {
                    Locations = package.Locations.Select(l => l.Layer == saved.Layer ? _locate(layer, l.Path.TrimStart('/')) : l).ToList(),
                };
                _catalogedOnArrival.Add((name, Shared(record), relocated));
            }
        }
    }
}
