using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using Strata.Analysis;
using Strata.Analysis.Reading;
using Strata.Images.Sources;

namespace Strata.Benchmarks;

/// <summary>
/// The floor for a verified read of an image: every layer blob inflated, with its compressed bytes and its inflated
/// bytes both hashed with SHA-256, as many layers at once as <see cref="ImageAnalyzer"/> reads, scheduled as it
/// schedules them (<see cref="LayerScheduler"/>: largest first, on threads of their own). Nothing is parsed; no analysis
/// can read and check its layers faster than this.
/// </summary>
internal static class VerifiedReadFloor
{
    /// <summary>Reads every layer as above and returns the inflated bytes in all (so the work cannot be skipped).</summary>
    public static long Read(ResolvedImage image) => Read(image, new AnalysisOptions().Parallelism);

    public static long Read(ResolvedImage image, int parallelism)
    {
        long total = 0;
        LayerScheduler.ForEachLargestFirst(image.Layers, parallelism, (layer, _) => Interlocked.Add(ref total, ReadLayer(layer)));
        return total;
    }

    private static long ReadLayer(LayerBlob layer)
    {
        using var compressedHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var inflatedHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var stored = new HashedRead(layer.Open(), compressedHash);
        using var inflated = Inflate(stored);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            long total = 0;
            int read;
            while ((read = inflated.Read(buffer, 0, buffer.Length)) > 0)
            {
                inflatedHash.AppendData(buffer, 0, read);
                total += read;
            }
            while (stored.Read(buffer, 0, buffer.Length) > 0)
            {
                // the blob's trailing bytes, if any, still count towards its digest
            }
            return total + compressedHash.GetHashAndReset()[0] + inflatedHash.GetHashAndReset()[0];
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The blob's decompressor, chosen by its magic bytes as Strata chooses it.</summary>
    private static Stream Inflate(HashedRead stored)
    {
        var head = stored.Peek(4);
        if (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            return new GZipStream(stored, CompressionMode.Decompress, leaveOpen: true);
        }
        if (head.Length >= 4 && head[0] == 0x28 && head[1] == 0xb5 && head[2] == 0x2f && head[3] == 0xfd)
        {
            return new ZstdSharp.DecompressionStream(stored, leaveOpen: true);
        }
        return new HashedRead(stored, null); // uncompressed: a pass-through (the blob is the tar)
    }

    /// <summary>Hashes what is read through it; can hand back a few bytes peeked at the start.</summary>
    private sealed class HashedRead(Stream inner, IncrementalHash? hash) : Strata.Images.IO.ReadOnlyStream
    {
        private byte[] _peeked = [];
        private int _peekedAt;

        public byte[] Peek(int count)
        {
            _peeked = new byte[count];
            var got = inner.ReadAtLeast(_peeked, count, throwOnEndOfStream: false);
            hash?.AppendData(_peeked, 0, got);
            Array.Resize(ref _peeked, got);
            return _peeked;
        }

        public override int Read(Span<byte> buffer)
        {
            if (_peekedAt < _peeked.Length)
            {
                var n = Math.Min(buffer.Length, _peeked.Length - _peekedAt);
                _peeked.AsSpan(_peekedAt, n).CopyTo(buffer);
                _peekedAt += n;
                return n;
            }
            var read = inner.Read(buffer);
            hash?.AppendData(buffer[..read]);
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
