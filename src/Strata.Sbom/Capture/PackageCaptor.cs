using System.Collections.Concurrent;
using Strata.Analysis.Reading;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Os;

namespace Strata.Sbom.Capture;

/// <summary>Keeps, during the single pass over the layers, exactly the files the catalogers (and OS detection) ask for.</summary>
public sealed partial class PackageCaptor(IReadOnlyList<IPackageCataloger> catalogers, Action<string> warn, Func<int, string, Model.PackageLocation> locate)
    : IFileCaptor, Analysis.Caching.ICacheableCaptor
{
    private const long OsFileCap = 64 * 1024;

    private readonly Action<string> _warn = warn;
    private readonly Func<int, string, Model.PackageLocation> _locate = locate;
    private readonly ConcurrentBag<(string Cataloger, CapturedFile File)> _captured = [];
    private readonly ConcurrentBag<(string Cataloger, CapturedFile File, Model.Package Package)> _catalogedOnArrival = [];

    /// <summary>The file captured last for each path of each layer, so that a later entry for that path supersedes it.</summary>
    private readonly ConcurrentDictionary<(int Layer, string Path), CapturedFile> _lastCaptured = new();

    /// <summary>Packages found in files cataloged as soon as they were read, with the file each came from.</summary>
    public IEnumerable<(CapturedFile File, Model.Package Package)> CatalogedOnArrival => _catalogedOnArrival.Select(c => (c.File, c.Package));

    public IEnumerable<CapturedFile> FilesFor(string cataloger) =>
        _captured.Where(c => c.Cataloger == cataloger).Select(c => c.File).OrderBy(f => f.Layer).ThenBy(f => f.Path, StringComparer.Ordinal);

    public IEnumerable<CapturedFile> All => _captured.Select(c => c.File).Concat(_catalogedOnArrival.Select(c => c.File)).Distinct();

    public IFileSink? Open(int layer, string path, long size, int mode, ReadOnlySpan<byte> head)
    {
        // A path stored twice in one layer: the later entry wins, whether or not it is captured itself.
        if (_lastCaptured.TryRemove((layer, path), out var earlier))
        {
            earlier.Superseded = true;
        }
        List<IPackageCataloger>? wanting = null;
        long cap = 0;
        foreach (var cataloger in catalogers)
        {
            if (cataloger.WantsPath(path) || cataloger.WantsContent(path, head))
            {
                (wanting ??= []).Add(cataloger);
                cap = Math.Max(cap, cataloger.MaxFileSize);
            }
        }
        var forOs = OsDetector.Paths.Contains(path);
        if (forOs)
        {
            wanting ??= [];
            cap = Math.Max(cap, OsFileCap);
        }
        if (wanting is null)
        {
            return null;
        }
        if (size > cap)
        {
            Warn(layer, $"/{path} (layer {layer}): {size} bytes, over the {cap}-byte limit for package metadata; skipped");
            return null;
        }
        if (wanting is [var only] && !forOs && only.Reducer(path, message => Warn(layer, message)) is { } reducer)
        {
            return new ReducingSink(this, only.Name, new CapturedFile(path, layer, size, mode, []), reducer, head);
        }
        var heldToTheEnd = forOs || !wanting.TrueForAll(c => c.CatalogsFilesAlone);
        if (heldToTheEnd && !Reserve(size, layer, path))
        {
            return null;
        }
        if (!heldToTheEnd && size > SpillThreshold && wanting.TrueForAll(ExecutableMarks.Cover) && OpenSpill(layer, path, size, mode, wanting, head) is { } spill)
        {
            _lastCaptured[(layer, path)] = spill.File;
            return spill;
        }
        var sink = heldToTheEnd
            ? new Sink(this, layer, path, size, mode, wanting, forOs, head)
            : new Sink(this, layer, path, size, mode, wanting, head, _buffers.Rent(size));
        _lastCaptured[(layer, path)] = sink.File;
        return sink;
    }

    /// <summary>
    /// The most package metadata held until the catalogers run. Each file kind has its own cap, but an image can hold
    /// any number of files, so the whole is capped too: past it, files are skipped with a warning.
    /// </summary>
    public long HeldBudget { get; init; } = DefaultHeldBudget;

    public const long DefaultHeldBudget = 256L * 1024 * 1024;

    private long _held;
    private int _budgetWarned;

    private bool Reserve(long bytes, int layer, string path)
    {
        if (Interlocked.Add(ref _held, bytes) <= HeldBudget)
        {
            return true;
        }
        Interlocked.Add(ref _held, -bytes);
        _warnedLayers[layer] = true;
        if (Interlocked.Exchange(ref _budgetWarned, 1) == 0)
        {
            _warn($"/{path} (layer {layer}): the package metadata kept so far would pass the {HeldBudget}-byte limit; " +
                "this file and any others that do not fit are skipped, and their packages are missing");
        }
        return false;
    }

    /// <summary>
    /// Executables are read whole but cataloged the moment they are read, on the thread reading their layer, into
    /// buffers shared by those threads and capped in total (<see cref="ExecutableBuffers"/>).
    /// </summary>
    public long ExecutableBudget
    {
        get => _buffers.Budget;
        init => _buffers = new ExecutableBuffers(value, (int)DefaultSpillThreshold);
    }

    /// <summary>Enough for the largest executables commonly met (compilers, the JVM) one at a time, or a few smaller ones at once.</summary>
    public const long DefaultExecutableBudget = 40L * 1024 * 1024;

    private readonly ExecutableBuffers _buffers = new(DefaultExecutableBudget, (int)DefaultSpillThreshold);

    /// <summary>A file its one cataloger reduces while it streams past (Java archives, eggs), never held whole.</summary>
    private sealed class ReducingSink : IFileSink
    {
        private readonly PackageCaptor _owner;
        private readonly string _cataloger;
        private readonly CapturedFile _file;
        private readonly IFileReducer _reducer;

        public ReducingSink(PackageCaptor owner, string cataloger, CapturedFile file, IFileReducer reducer, ReadOnlySpan<byte> head)
        {
            (_owner, _cataloger, _file, _reducer) = (owner, cataloger, file, reducer);
            _reducer.Write(head);
        }

        public void Write(ReadOnlySpan<byte> chunk) => _reducer.Write(chunk);

        public void Complete()
        {
            var reduced = _file with { Content = _reducer.Complete() };
            if (!_owner.Reserve(reduced.Content.Length, reduced.Layer, reduced.Path))
            {
                return;
            }
            _owner._lastCaptured[(reduced.Layer, reduced.Path)] = reduced;
            _owner._captured.Add((_cataloger, reduced));
        }
    }

    public const string OsCataloger = "os";

    private sealed class Sink : IFileSink
    {
        private readonly PackageCaptor _owner;
        private readonly CapturedFile _file;
        private readonly List<IPackageCataloger> _catalogers;
        private readonly bool _forOs;
        private readonly bool _lent;
        private int _filled;

        public CapturedFile File => _file;

        private readonly byte[] _buffer;

        /// <summary>A file held whole until the catalogers run.</summary>
        public Sink(PackageCaptor owner, int layer, string path, long size, int mode, List<IPackageCataloger> catalogers, bool forOs, ReadOnlySpan<byte> head)
        {
            _owner = owner;
            _catalogers = catalogers;
            _forOs = forOs;
            _buffer = new byte[size];
            _file = new CapturedFile(path, layer, size, mode, _buffer);
            head.CopyTo(_buffer);
            _filled = head.Length;
        }

        /// <summary>A file cataloged on arrival, read into <paramref name="lent"/>, which is only its own until then.</summary>
        public Sink(PackageCaptor owner, int layer, string path, long size, int mode, List<IPackageCataloger> catalogers, ReadOnlySpan<byte> head, byte[] lent)
        {
            _owner = owner;
            _catalogers = catalogers;
            _buffer = lent;
            _lent = true;
            _file = new CapturedFile(path, layer, size, mode, []) { Lent = lent.AsMemory(0, (int)size) };
            head.CopyTo(_buffer);
            _filled = head.Length;
        }

        public void Write(ReadOnlySpan<byte> chunk)
        {
            chunk.CopyTo(_buffer.AsSpan(_filled));
            _filled += chunk.Length;
        }

        public void Complete()
        {
            // A file only cataloged on arrival (an executable) is needed afterwards just for where it was: its bytes,
            // up to hundreds of megabytes, are let go as soon as it is cataloged.
            var kept = _file;
            if (!_forOs && _catalogers.TrueForAll(c => c.CatalogsFilesAlone))
            {
                kept = _file with { Content = [], Lent = null };
                _owner._lastCaptured[(_file.Layer, _file.Path)] = kept;
            }
            try
            {
                foreach (var cataloger in _catalogers)
                {
                    if (cataloger.CatalogsFilesAlone)
                    {
                        var context = new CatalogContext([_file], null, message => _owner.Warn(_file.Layer, message), _owner._locate);
                        foreach (var package in cataloger.Catalog(context))
                        {
                            _owner._catalogedOnArrival.Add((cataloger.Name, kept, package));
                        }
                    }
                    else
                    {
                        _owner._captured.Add((cataloger.Name, _file));
                    }
                }
            }
            finally
            {
                if (_lent)
                {
                    _owner._buffers.Return(_buffer);
                }
            }
            if (_forOs)
            {
                _owner._captured.Add((OsCataloger, _file));
            }
        }
    }
}
