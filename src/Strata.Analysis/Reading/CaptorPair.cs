namespace Strata.Analysis.Reading;

/// <summary>Two captors seeing the same single pass (the SBOM's package files and advise's secret scan).</summary>
public sealed class CaptorPair(IFileCaptor first, IFileCaptor second) : IFileCaptor
{
    public IFileCaptor First => first;

    public IFileCaptor Second => second;

    public IFileSink? Open(int layer, string path, long size, int mode, ReadOnlySpan<byte> head)
    {
        var a = first.Open(layer, path, size, mode, head);
        var b = second.Open(layer, path, size, mode, head);
        return a is null ? b : b is null ? a : new SinkPair(a, b);
    }

    private sealed class SinkPair(IFileSink a, IFileSink b) : IFileSink
    {
        public void Write(ReadOnlySpan<byte> chunk)
        {
            a.Write(chunk);
            b.Write(chunk);
        }

        public void Complete()
        {
            a.Complete();
            b.Complete();
        }
    }
}
