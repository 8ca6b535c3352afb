using System.Collections.Concurrent;
using Strata.Analysis.Reading;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Os;

namespace Strata.Sbom.Capture;

/// <summary>Keeps, during the single pass over the layers, exactly the files the catalogers (and OS detection) ask for.</summary>
public sealed class PackageCaptor(IReadOnlyList<IPackageCataloger> catalogers, Action<string> warn) : IFileCaptor
{
    private const long OsFileCap = 64 * 1024;

    private readonly ConcurrentBag<(string Cataloger, CapturedFile File)> _captured = [];

    public IEnumerable<CapturedFile> FilesFor(string cataloger) =>
        _captured.Where(c => c.Cataloger == cataloger).Select(c => c.File).OrderBy(f => f.Layer).ThenBy(f => f.Path, StringComparer.Ordinal);

    public IEnumerable<CapturedFile> All => _captured.Select(c => c.File).Distinct();

    public IFileSink? Open(int layer, string path, long size, int mode, ReadOnlySpan<byte> head)
    {
        List<string>? wanting = null;
        long cap = 0;
        foreach (var cataloger in catalogers)
        {
            if (cataloger.WantsPath(path) || cataloger.WantsContent(path, head))
            {
                (wanting ??= []).Add(cataloger.Name);
                cap = Math.Max(cap, cataloger.MaxFileSize);
            }
        }
        if (OsDetector.Paths.Contains(path))
        {
            (wanting ??= []).Add(OsCataloger);
            cap = Math.Max(cap, OsFileCap);
        }
        if (wanting is null)
        {
            return null;
        }
        if (size > cap)
        {
            warn($"/{path} (layer {layer}): {size} bytes, over the {cap}-byte limit for package metadata; skipped");
            return null;
        }
        return new Sink(this, layer, path, size, mode, wanting, head);
    }

    public const string OsCataloger = "os";

    private sealed class Sink : IFileSink
    {
        private readonly PackageCaptor _owner;
        private readonly CapturedFile _file;
        private readonly List<string> _catalogers;
        private int _filled;

        public Sink(PackageCaptor owner, int layer, string path, long size, int mode, List<string> catalogers, ReadOnlySpan<byte> head)
        {
            _owner = owner;
            _catalogers = catalogers;
            _file = new CapturedFile(path, layer, size, mode, new byte[size]);
            head.CopyTo(_file.Content);
            _filled = head.Length;
        }

        public void Write(ReadOnlySpan<byte> chunk)
        {
            chunk.CopyTo(_file.Content.AsSpan(_filled));
            _filled += chunk.Length;
        }

        public void Complete()
        {
            foreach (var cataloger in _catalogers)
            {
                _owner._captured.Add((cataloger, _file));
            }
        }
    }
}
