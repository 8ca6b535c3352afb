namespace Strata.Analysis.Reading;

/// <summary>
/// Lets other passes (package catalogers) see file contents during the single read of each layer. Called from
/// several layer-reading threads at once, so implementations must be thread-safe.
/// </summary>
public interface IFileCaptor
{
    /// <summary>
    /// Offered every regular file with its first bytes (<paramref name="head"/>: the whole file when it is small);
    /// returns a sink for the rest of its content, or null to let it pass.
    /// </summary>
    IFileSink? Open(int layer, string path, long size, int mode, ReadOnlySpan<byte> head);
}

/// <summary>Receives the rest of one file's content after its head, then hears that the file is complete.</summary>
public interface IFileSink
{
    void Write(ReadOnlySpan<byte> chunk);

    void Complete();
}
