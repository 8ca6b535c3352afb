namespace Strata.Sbom.Catalogers.Binaries;

internal enum SegmentKind
{
    Load,
    Note,
    Other,
}

/// <summary>
/// A range of the file mapped into memory: ELF program headers, Mach-O segments, PE sections.
/// <paramref name="Writable"/> and <paramref name="Executable"/> are its memory protection.
/// </summary>
internal sealed record ExecutableSegment(
    SegmentKind Kind, string? Name, ulong Address, ulong MemorySize, ulong FileOffset, ulong FileSize, bool Writable, bool Executable);
