namespace Strata.Sbom.Capture;

/// <summary>
/// The buffers executables are read into while they are cataloged, shared by every thread reading a layer and capped
/// in total: two threads never hold two 36 MB compilers at once, one waits for the other to finish with its buffer.
/// Buffers of <paramref name="keptLength"/> serve every file up to that size and are reused rather than left to the
/// garbage collector, which can keep large arrays' memory long after use; larger ones are let go once returned.
/// </summary>
internal sealed class ExecutableBuffers(long budget, int keptLength)
{
    /// <summary>Buffer lengths are multiples of this, so that executables of nearly the same size share a buffer.</summary>
    private const int Granule = 1 << 20;

    /// <summary>
    /// How long a thread waits for another's buffer. A read abandoned on an error never gives its buffer back: past
    /// this wait the budget is given up for the rest of the run, so a failure elsewhere costs memory, never a hang.
    /// </summary>
    private static readonly TimeSpan PatienceLimit = TimeSpan.FromSeconds(10);

    private readonly object _lock = new();
    private readonly List<byte[]> _free = [];
    private long _allocated;
    private bool _givenUp;

    /// <summary>Bytes of large buffers let go of since the last collection.</summary>
    private long _garbage;

    public long Budget => budget;

    /// <summary>A buffer of at least <paramref name="size"/> bytes, to be given back with <see cref="Return"/>.</summary>
    public byte[] Rent(long size)
    {
        var length = size <= keptLength ? keptLength : (int)Math.Min(Array.MaxLength, (size + Granule - 1) / Granule * Granule);
        var deadline = DateTime.UtcNow + PatienceLimit;
        lock (_lock)
        {
            while (true)
            {
                if (TakeFree(size) is { } reused)
                {
                    return reused;
                }
                if (_givenUp || length > budget)
                {
                    // Larger than the whole budget (or the budget given up): a one-off array, outside the count.
                    return OneOff(length);
                }
                if (_allocated + length > budget && _free.Count > 0)
                {
                    // Idle buffers too small for this file make room for it.
                    DropFree();
                }
                if (_allocated + length <= budget)
                {
                    _allocated += length;
                    return Allocate(length);
                }
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_lock, left))
                {
                    _givenUp = true;
                }
            }
        }
    }

    public void Return(byte[] buffer)
    {
        lock (_lock)
        {
            if (!_givenUp && buffer.Length == keptLength)
            {
                _free.Add(buffer);
            }
            else
            {
                if (!_givenUp && buffer.Length <= budget)
                {
                    _allocated -= buffer.Length;
                }
                _garbage += buffer.Length;
            }
            Monitor.PulseAll(_lock);
        }
    }

    private byte[]? TakeFree(long size)
    {
        var best = -1;
        for (var i = 0; i < _free.Count; i++)
        {
            if (_free[i].Length >= size && (best < 0 || _free[i].Length < _free[best].Length))
            {
                best = i;
            }
        }
        if (best < 0)
        {
            return null;
        }
        var buffer = _free[best];
        _free.RemoveAt(best);
        return buffer;
    }

    private void DropFree()
    {
        long dropped = 0;
        foreach (var buffer in _free)
        {
            dropped += buffer.Length;
        }
        _free.Clear();
        _allocated -= dropped;
        _garbage += dropped;
    }

    private byte[] OneOff(int length) => Allocate(length);

    /// <summary>
    /// A new array. Large arrays let go of before it are collected first: the runtime may otherwise keep their memory
    /// for a long while, hundreds of megabytes for a run of large executables.
    /// </summary>
    private byte[] Allocate(int length)
    {
        if (_garbage >= 8 * Granule)
        {
            _garbage = 0;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        }
        return GC.AllocateUninitializedArray<byte>(length);
    }
}
