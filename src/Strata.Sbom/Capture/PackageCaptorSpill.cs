using Strata.Analysis.Reading;
using Strata.Sbom.Catalogers;

namespace Strata.Sbom.Capture;

/// <summary>
/// Large executables are not held in memory while they stream past: they go to a private temporary file, and only
/// one that holds a mark the executable catalogers look for (<see cref="ExecutableMarks"/>) is read back and
/// cataloged. The rest (compilers, the JVM: tens of megabytes each) would yield no package and no warning.
/// </summary>
public sealed partial class PackageCaptor
{
    /// <summary>Executables larger than this are spilled rather than read into memory.</summary>
    public long SpillThreshold { get; init; } = DefaultSpillThreshold;

    public const long DefaultSpillThreshold = 4L * 1024 * 1024;

    /// <summary>A spilling sink, or null (the file is then read into memory) when no temporary file can be made.</summary>
    private SpillingSink? OpenSpill(int layer, string path, long size, int mode, List<IPackageCataloger> catalogers, ReadOnlySpan<byte> head)
    {
        try
        {
            return new SpillingSink(this, layer, path, size, mode, catalogers, head);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private sealed class SpillingSink : IFileSink
    {
        private readonly PackageCaptor _owner;
        private readonly int _layer;
        private readonly string _path;
        private readonly long _size;
        private readonly int _mode;
        private readonly List<IPackageCataloger> _catalogers;
        private readonly ExecutableMarks _marks = new();
        private readonly FileStream _spill;

        public CapturedFile File { get; }

        public SpillingSink(PackageCaptor owner, int layer, string path, long size, int mode, List<IPackageCataloger> catalogers, ReadOnlySpan<byte> head)
        {
            (_owner, _layer, _path, _size, _mode, _catalogers) = (owner, layer, path, size, mode, catalogers);
            File = new CapturedFile(path, layer, size, mode, []);
            _spill = OpenPrivateTemporary();
            Write(head);
        }

        /// <summary>Why the temporary file could not be written (a full disk), or null.</summary>
        private string? _failure;

        public void Write(ReadOnlySpan<byte> chunk)
        {
            if (_failure is not null)
            {
                return;
            }
            _marks.Scan(chunk);
            try
            {
                _spill.Write(chunk);
            }
            catch (IOException e)
            {
                _failure = e.Message;
            }
        }

        public void Complete()
        {
            using (_spill)
            {
                if (_failure is not null)
                {
                    _owner.Warn(_layer, $"/{_path} (layer {_layer}): could not be kept in a temporary file to be cataloged ({_failure}); skipped");
                    return;
                }
                if (!_marks.Found)
                {
                    return;
                }
                _spill.Position = 0;
                var sink = new Sink(_owner, _layer, _path, _size, _mode, _catalogers, [], _owner._buffers.Rent(_size));
                _owner._lastCaptured[(_layer, _path)] = sink.File;
                var chunk = new byte[81920];
                int read;
                while ((read = _spill.Read(chunk)) > 0)
                {
                    sink.Write(chunk.AsSpan(0, read));
                }
                sink.Complete();
            }
        }

        /// <summary>A file only this process can read, gone once closed (on Unix, unlinked at once).</summary>
        private static FileStream OpenPrivateTemporary()
        {
            var path = Path.Combine(Path.GetTempPath(), $"strata-sbom-{Guid.NewGuid():N}.tmp");
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.ReadWrite,
                Share = FileShare.Delete,
                Options = OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None,
                BufferSize = 1 << 16,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            var stream = new FileStream(path, options);
            if (!OperatingSystem.IsWindows())
            {
                System.IO.File.Delete(path);
            }
            return stream;
        }
    }
}
