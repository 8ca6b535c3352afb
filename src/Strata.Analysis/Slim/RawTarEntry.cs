namespace Strata.Analysis.Slim;

/// <summary>One block of tar metadata as stored: a header block and, for extension headers, its padded data.</summary>
internal sealed record RawTarBlock(byte[] Header, byte[] Data)
{
    public byte TypeFlag => Header[156];
}

/// <summary>
/// One tar entry as stored: the extension headers before it (PAX, GNU long names), its own header, and where its data
/// starts. <see cref="Name"/>, <see cref="LinkName"/> and <see cref="Size"/> are what those headers say together.
/// </summary>
internal sealed record RawTarEntry(
    IReadOnlyList<RawTarBlock> Extensions,
    byte[] Header,
    string Name,
    string LinkName,
    long Size)
{
    public byte TypeFlag => Header[156];

    /// <summary>The entry's data padded to whole blocks, as it follows the header.</summary>
    public long PaddedSize => (Size + 511) / 512 * 512;
}
