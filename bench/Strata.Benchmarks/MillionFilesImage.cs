using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Strata.Benchmarks;

/// <summary>
/// An OCI layout holding one image of exactly 1,000,000 tar entries in three gzip layers, generated once and cached
/// under the temp folder (keyed by <see cref="Version"/>). It is shaped like a real image so that the merge and
/// dive's rules have work to do: nested folders, files of 4 bytes to 8 KiB with some shared contents, symlinks and
/// hardlinks, files rewritten (some byte for byte) by later layers, single files, whole folders and a cache removed
/// by whiteouts, and opaque folders. Everything derives from fixed seeds, so every machine builds the same bytes.
/// </summary>
internal static class MillionFilesImage
{
    /// <summary>Change this whenever the generated shape changes, so a stale cached layout is not reused.</summary>
    public const string Version = "v1";

    public const string Tag = "million";

    public const int TotalEntries = 1_000_000;

    private static readonly int[] Budgets = [600_000, 250_000, 150_000];

    private const int SubdirsPerPackage = 8;
    private const int FilesPerSubdir = 38;

    public static string Folder => Path.Combine(Path.GetTempPath(), "strata-bench", $"million-files-{Version}");

    /// <summary>The layout's folder, generating it first when it is not cached yet.</summary>
    public static string EnsureLayout()
    {
        var folder = Folder;
        if (File.Exists(Path.Combine(folder, "index.json")))
        {
            return folder; // index.json is written last, and the folder only appears once complete
        }
        var staging = $"{folder}.partial-{Environment.ProcessId}";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
        Console.WriteLine($"// Generating {TotalEntries:N0} entries in {Budgets.Length} layers into {folder} (once)...");
        var started = System.Diagnostics.Stopwatch.StartNew();
        Generate(staging);
        try
        {
            Directory.Move(staging, folder);
        }
        catch (IOException) when (File.Exists(Path.Combine(folder, "index.json")))
        {
            Directory.Delete(staging, recursive: true); // another process finished first
        }
        Console.WriteLine($"// Generated in {started.Elapsed.TotalSeconds:F1} s");
        return folder;
    }

    private static string Package0(int p) => $"usr/lib/python3/site-packages/pkg{p:D4}";

    private static string File0(int p, int s, int f) => $"{Package0(p)}/mod{s}/file{f:D2}.py";

    private static string Package1(int q) => $"opt/app/lib/pkg{q:D4}";

    private static string File1(int q, int s, int f) => $"{Package1(q)}/mod{s}/file{f:D2}.js";

    private static void WriteLayer(int layer, LayerWriter w)
    {
        switch (layer)
        {
            case 0:
                // 1,850 packages of 315 entries: a folder, 8 subfolders of 38 files, a symlink and a hardlink.
                for (var p = 0; p < 1850; p++)
                {
                    for (var s = 0; s < SubdirsPerPackage; s++)
                    {
                        for (var f = 0; f < FilesPerSubdir; f++)
                        {
                            w.File(File0(p, s, f), Seed(0, p, s, f));
                        }
                    }
                    w.Symlink($"{Package0(p)}/current", "mod0");
                    w.Hardlink($"{Package0(p)}/mod7/linked.py", File0(p, 0, 0));
                }
                w.Fill("usr/share/doc", 0);
                break;
            case 1:
                // Rewrite two subfolders of every other package of the first 1,000; a quarter byte for byte.
                for (var p = 0; p < 1000; p += 2)
                {
                    for (var s = 0; s < 2; s++)
                    {
                        for (var f = 0; f < FilesPerSubdir; f++)
                        {
                            w.File(File0(p, s, f), f % 4 == 0 ? Seed(0, p, s, f) : Seed(1, p, s, f));
                        }
                    }
                }
                // Delete 20 files from each of 400 packages, 100 whole packages, and make a subfolder of 50 opaque.
                for (var p = 1000; p < 1400; p++)
                {
                    for (var f = 0; f < 20; f++)
                    {
                        w.Whiteout(File0(p, 2, f));
                    }
                }
                for (var p = 1400; p < 1500; p++)
                {
                    w.Whiteout(Package0(p));
                }
                for (var p = 1500; p < 1550; p++)
                {
                    w.Opaque($"{Package0(p)}/mod3");
                    for (var f = 0; f < 5; f++)
                    {
                        w.File($"{Package0(p)}/mod3/replaced{f}.py", Seed(1, p, 3, 100 + f));
                    }
                }
                // 480 new packages of 313 entries, then a download cache the next layer removes.
                for (var q = 0; q < 480; q++)
                {
                    for (var s = 0; s < SubdirsPerPackage; s++)
                    {
                        for (var f = 0; f < FilesPerSubdir; f++)
                        {
                            w.File(File1(q, s, f), Seed(1, 10_000 + q, s, f));
                        }
                    }
                }
                w.Fill("var/cache/app", 1);
                break;
            default:
                // Rewrite files layer 1 added, and files layer 0 added that layer 1 already rewrote (three copies).
                for (var q = 0; q < 100; q++)
                {
                    for (var s = 0; s < 5; s++)
                    {
                        for (var f = 0; f < FilesPerSubdir; f++)
                        {
                            w.File(File1(q, s, f), Seed(2, 10_000 + q, s, f));
                        }
                    }
                }
                for (var p = 0; p < 800; p += 2)
                {
                    for (var f = 0; f < 25; f++)
                    {
                        w.File(File0(p, 0, f), Seed(2, p, 0, f));
                    }
                }
                // Delete files and packages layer 1 added, packages layer 1 had rewritten, and layer 1's whole cache.
                for (var q = 100; q < 225; q++)
                {
                    for (var s = 5; s < 7; s++)
                    {
                        for (var f = 0; f < 20; f++)
                        {
                            w.Whiteout(File1(q, s, f));
                        }
                    }
                }
                for (var q = 225; q < 275; q++)
                {
                    w.Whiteout(Package1(q));
                }
                for (var p = 900; p < 1000; p += 2)
                {
                    w.Whiteout(Package0(p));
                }
                w.Whiteout("var/cache/app");
                w.Fill("srv/data", 2);
                break;
        }
    }

    private static void Generate(string directory)
    {
        var blobs = Path.Combine(directory, "blobs", "sha256");
        Directory.CreateDirectory(blobs);
        var layers = new (string DiffId, string Digest, long Size)[Budgets.Length];
        Parallel.For(0, Budgets.Length, i => layers[i] = GenerateLayer(i, blobs));

        var config = new JsonObject
        {
            ["created"] = "2024-01-01T00:00:00Z",
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["config"] = new JsonObject { ["Cmd"] = new JsonArray("/bin/sh") },
            ["rootfs"] = new JsonObject
            {
                ["type"] = "layers",
                ["diff_ids"] = new JsonArray(layers.Select(l => (JsonNode)l.DiffId).ToArray()),
            },
            ["history"] = new JsonArray(
                layers.Select((_, i) => (JsonNode)new JsonObject { ["created_by"] = $"/bin/sh -c generate-layer {i} # strata bench" }).ToArray()),
        };
        var configDescriptor = WriteBlob(blobs, Encoding.UTF8.GetBytes(config.ToJsonString()), "application/vnd.oci.image.config.v1+json");
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = configDescriptor,
            ["layers"] = new JsonArray(layers.Select(l => (JsonNode)new JsonObject
            {
                ["mediaType"] = "application/vnd.oci.image.layer.v1.tar+gzip",
                ["digest"] = l.Digest,
                ["size"] = l.Size,
            }).ToArray()),
        };
        var manifestDescriptor = WriteBlob(blobs, Encoding.UTF8.GetBytes(manifest.ToJsonString()), "application/vnd.oci.image.manifest.v1+json");
        manifestDescriptor["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = Tag };
        File.WriteAllText(Path.Combine(directory, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.index.v1+json",
            ["manifests"] = new JsonArray(manifestDescriptor),
        };
        File.WriteAllText(Path.Combine(directory, "index.json"), index.ToJsonString());
    }

    private static (string DiffId, string Digest, long Size) GenerateLayer(int layer, string blobs)
    {
        var temporary = Path.Combine(blobs, $"layer-{layer}.tmp");
        string diffId, digest;
        long size;
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        using (var stored = new HashingWriteStream(file))
        {
            using (var gzip = new GZipStream(stored, CompressionLevel.Optimal, leaveOpen: true))
            using (var tar = new HashingWriteStream(gzip))
            {
                using (var writer = new LayerWriter(tar, Budgets[layer]))
                {
                    WriteLayer(layer, writer);
                    if (writer.Count != Budgets[layer])
                    {
                        throw new InvalidOperationException($"layer {layer}: wrote {writer.Count} entries, planned {Budgets[layer]}");
                    }
                }
                diffId = tar.Digest();
            }
            digest = stored.Digest();
            size = stored.Length;
        }
        File.Move(temporary, Path.Combine(blobs, digest["sha256:".Length..]), overwrite: true);
        return (diffId, digest, size);
    }

    private static JsonObject WriteBlob(string blobs, byte[] bytes, string mediaType)
    {
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        File.WriteAllBytes(Path.Combine(blobs, digest["sha256:".Length..]), bytes);
        return new JsonObject { ["mediaType"] = mediaType, ["digest"] = digest, ["size"] = bytes.Length };
    }

    private static ulong Seed(int layer, int a, int b, int c) =>
        Mix(((ulong)(uint)layer << 48) ^ ((ulong)(uint)a << 24) ^ ((ulong)(uint)b << 12) ^ (uint)c);

    /// <summary>SplitMix64's finaliser: a cheap, well-spread hash of a 64-bit value.</summary>
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>Writes one layer's tar, adding each parent folder's entry once, before its first content, as real layers do.</summary>
    private sealed class LayerWriter(Stream output, int budget) : IDisposable
    {
        private const int MaxFileSize = 8192;
        private static readonly DateTimeOffset Timestamp = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private static readonly byte[] Pool = MakeTextPool(1 << 20);

        private readonly TarWriter _writer = new(output, TarEntryFormat.Ustar, leaveOpen: true);
        private readonly HashSet<string> _folders = new(StringComparer.Ordinal);

        public int Count { get; private set; }

        public void File(string path, ulong seed)
        {
            Parent(path);
            // One file in 25 has one of 40 shared contents (licences, empty __init__.py and the like): duplicates.
            var content = seed % 25 == 0 ? Mix(seed / 25 % 40) : seed;
            var size = (int)(4 * Math.Pow(MaxFileSize / 4, (content >> 11) * (1.0 / (1UL << 53))));
            var offset = (int)(content % (ulong)(Pool.Length - MaxFileSize));
            Write(new UstarTarEntry(TarEntryType.RegularFile, path)
            {
                Mode = Mode644,
                DataStream = new MemoryStream(Pool, offset, size, writable: false),
            });
        }

        public void Whiteout(string path)
        {
            Parent(path);
            var slash = path.LastIndexOf('/');
            Write(new UstarTarEntry(TarEntryType.RegularFile, $"{path[..(slash + 1)]}.wh.{path[(slash + 1)..]}") { Mode = Mode644 });
        }

        public void Opaque(string folder)
        {
            Folder(folder);
            Write(new UstarTarEntry(TarEntryType.RegularFile, $"{folder}/.wh..wh..opq") { Mode = Mode644 });
        }

        public void Symlink(string path, string target)
        {
            Parent(path);
            Write(new UstarTarEntry(TarEntryType.SymbolicLink, path) { LinkName = target, Mode = (UnixFileMode)0b111_111_111 });
        }

        public void Hardlink(string path, string target)
        {
            Parent(path);
            Write(new UstarTarEntry(TarEntryType.HardLink, path) { LinkName = target, Mode = Mode644 });
        }

        /// <summary>Small files 200 to a folder under <paramref name="root"/> until the layer has its planned number of entries.</summary>
        public void Fill(string root, int layer)
        {
            var folderIndex = 0;
            var inFolder = 0;
            var folder = $"{root}/d{folderIndex:D4}";
            Folder(folder);
            for (var n = 0; Count < budget; n++)
            {
                if (inFolder == 200 && Count + 2 <= budget)
                {
                    folder = $"{root}/d{++folderIndex:D4}";
                    Folder(folder);
                    inFolder = 0;
                }
                File($"{folder}/item{n:D6}.dat", Seed(layer, 1_000_000 + n, 0, 0));
                inFolder++;
            }
        }

        private static UnixFileMode Mode644 => (UnixFileMode)0b110_100_100;

        private void Parent(string path)
        {
            var slash = path.LastIndexOf('/');
            if (slash > 0)
            {
                Folder(path[..slash]);
            }
        }

        private void Folder(string path)
        {
            if (_folders.Contains(path))
            {
                return;
            }
            Parent(path);
            _folders.Add(path);
            Write(new UstarTarEntry(TarEntryType.Directory, path + "/") { Mode = (UnixFileMode)0b111_101_101 });
        }

        private void Write(UstarTarEntry entry)
        {
            if (Count >= budget)
            {
                throw new InvalidOperationException($"over the planned {budget} entries at '{entry.Name}'");
            }
            entry.ModificationTime = Timestamp;
            _writer.WriteEntry(entry);
            Count++;
        }

        /// <summary>Text-like bytes (words from a small vocabulary, in lines) so layers compress as source trees do.</summary>
        private static byte[] MakeTextPool(int length)
        {
            var words = new string[4096];
            var state = 12345UL;
            for (var i = 0; i < words.Length; i++)
            {
                state = Mix(state);
                var chars = new char[2 + (int)(state % 9)];
                for (var c = 0; c < chars.Length; c++)
                {
                    chars[c] = (char)('a' + (int)((state >> (8 + 5 * c)) % 26));
                }
                words[i] = new string(chars);
            }
            var text = new StringBuilder(length + 64);
            var inLine = 0;
            while (text.Length < length)
            {
                state = Mix(state);
                text.Append(words[state % (ulong)words.Length]);
                text.Append(++inLine % 10 == 0 ? '\n' : ' ');
            }
            return Encoding.ASCII.GetBytes(text.ToString(0, length));
        }

        public void Dispose() => _writer.Dispose();
    }

    /// <summary>Passes writes through while hashing them with SHA-256 and counting them.</summary>
    private sealed class HashingWriteStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _length;

        public string Digest() => "sha256:" + Convert.ToHexStringLower(_hash.GetHashAndReset());

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            inner.Write(buffer);
            _length += buffer.Length;
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
