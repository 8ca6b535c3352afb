namespace Strata.Sbom.Catalogers.Binaries;

/// <summary>
/// One executable image (an ELF, PE or Mach-O file, or one slice of a fat Mach-O file) as far as its headers could be read.
/// Ranges that run past the end of the file are kept, clipped when read, and described in <see cref="Damage"/>.
/// </summary>
internal sealed class ExecutableFile
{
    public required ExecutableFormat Format { get; init; }

    public required bool Is64 { get; init; }

    /// <summary>The image's bytes, read in its byte order.</summary>
    public required EndianReader Image { get; init; }

    public IReadOnlyList<ExecutableSection> Sections { get; init; } = [];

    /// <summary>Mapped ranges; virtual addresses include the image base (PE).</summary>
    public IReadOnlyList<ExecutableSegment> Segments { get; init; } = [];

    /// <summary>What could not be read: headers, sections or segments that run past the end of the file, bad tables.</summary>
    public IReadOnlyList<string> Damage { get; init; } = [];

    public bool BigEndian => Image.BigEndian;

    public ExecutableSection? Section(string name, string? segment = null) =>
        Sections.FirstOrDefault(s => s.Name == name && (segment is null || s.Segment == segment));

    /// <summary>Whether all of a section's file bytes are present.</summary>
    public bool IsComplete(ExecutableSection section) => Image.Contains(section.FileOffset, section.FileSize);

    /// <summary>A section's file bytes, clipped to the end of the file.</summary>
    public ReadOnlySpan<byte> Data(ExecutableSection section) => Clip(section.FileOffset, section.FileSize);

    /// <summary>
    /// Up to <paramref name="length"/> bytes from virtual address <paramref name="address"/>, to the end of the loaded segment that
    /// holds it (and of the file); empty when no segment maps the address.
    /// </summary>
    public ReadOnlySpan<byte> ReadVirtual(ulong address, ulong length)
    {
        foreach (var segment in Segments)
        {
            if (segment.Kind == SegmentKind.Load && address >= segment.Address && address - segment.Address < segment.FileSize)
            {
                var skip = address - segment.Address;
                if (segment.FileOffset >= (ulong)Image.Length || skip >= (ulong)Image.Length)
                {
                    return [];
                }
                return Clip(segment.FileOffset + skip, Math.Min(length, segment.FileSize - skip));
            }
        }
        return [];
    }

    private ReadOnlySpan<byte> Clip(ulong offset, ulong length)
    {
        var total = (ulong)Image.Length;
        if (offset >= total)
        {
            return [];
        }
        return Image.Data.Span.Slice((int)offset, (int)Math.Min(length, total - offset));
    }
}
