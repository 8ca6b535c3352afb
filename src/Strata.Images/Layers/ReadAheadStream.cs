using System.Buffers;
using System.Runtime.ExceptionServices;

namespace Strata.Images.Layers;

/// <summary>
/// Reads its inner stream on a thread of its own, a few chunks ahead of the reader, so that the work below (reading
/// the blob, hashing it, inflating) and the work above (hashing the tar, parsing it) use two cores for one layer.
/// The reader sees exactly the bytes the inner stream gave, in order, and then its end or the exception it threw.
/// </summary>
internal sealed class ReadAheadStream : IO.ReadOnlyStream
{
    private const int ChunkSize = 1 << 18;
    private const int Chunks = 4;

    private readonly Stream _inner;
    private readonly object _gate = new();
    private readonly Queue<(byte[] Buffer, int Length)> _filled = new();
    private readonly Stack<byte[]> _free = new();
    private readonly Thread _producer;
    private byte[]? _current;
    private int _currentLength;
    private int _currentOffset;
    private bool _ended;
    private bool _stopping;
    private ExceptionDispatchInfo? _failure;

    public ReadAheadStream(Stream inner, string threadName)
    {
        _inner = inner;
        for (var i = 0; i < Chunks; i++)
        {
            _free.Push(ArrayPool<byte>.Shared.Rent(ChunkSize)); // pooled: a fresh set per layer would be large-object garbage
        }
        _producer = new Thread(Produce) { IsBackground = true, Name = threadName };
        _producer.Start();
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }
        if (_current is null || _currentOffset == _currentLength)
        {
            if (!NextChunk())
            {
                return 0;
            }
        }
        var n = Math.Min(buffer.Length, _currentLength - _currentOffset);
        _current.AsSpan(_currentOffset, n).CopyTo(buffer);
        _currentOffset += n;
        return n;
    }

    /// <summary>Hands the spent chunk back and waits for the next; false at the end (after rethrowing any failure).</summary>
    private bool NextChunk()
    {
        lock (_gate)
        {
            if (_current is not null)
            {
                _free.Push(_current);
                _current = null;
                Monitor.PulseAll(_gate);
            }
            while (_filled.Count == 0 && !_ended)
            {
                Monitor.Wait(_gate);
            }
            if (_filled.Count == 0)
            {
                _failure?.Throw();
                return false;
            }
            (_current, _currentLength) = _filled.Dequeue();
            _currentOffset = 0;
            return true;
        }
    }

    private void Produce()
    {
        while (true)
        {
            byte[] buffer;
            lock (_gate)
            {
                while (_free.Count == 0 && !_stopping)
                {
                    Monitor.Wait(_gate);
                }
                if (_stopping)
                {
                    return;
                }
                buffer = _free.Pop();
            }
            var length = 0;
            ExceptionDispatchInfo? failure = null;
            try
            {
                int read;
                while (length < buffer.Length && (read = _inner.Read(buffer.AsSpan(length))) > 0)
                {
                    length += read;
                }
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            var last = failure is not null || length < buffer.Length;
            lock (_gate)
            {
                if (length > 0)
                {
                    _filled.Enqueue((buffer, length));
                }
                _failure = failure;
                _ended = last;
                Monitor.PulseAll(_gate);
            }
            if (last)
            {
                return;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_gate)
            {
                _stopping = true;
                Monitor.PulseAll(_gate);
            }
            _producer.Join();
            _inner.Dispose();
            foreach (var buffer in _free.Concat(_filled.Select(f => f.Buffer)).Append(_current).OfType<byte[]>())
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            _free.Clear();
            _filled.Clear();
            _current = null;
        }
        base.Dispose(disposing);
    }
}
