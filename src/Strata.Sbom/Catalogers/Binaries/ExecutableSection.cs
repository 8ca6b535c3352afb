namespace Strata.Sbom.Catalogers.Binaries;

/// <summary>
/// A named section: where it is loaded (<paramref name="Address"/>, <paramref name="Size"/>) and where its bytes are in the
/// file (<paramref name="FileSize"/> is 0 for sections that occupy no file space, such as .bss).
/// <paramref name="Segment"/> is the Mach-O segment name (<c>__DATA</c>); null elsewhere.
/// </summary>
internal sealed record ExecutableSection(string Name, string? Segment, ulong Address, ulong Size, ulong FileOffset, ulong FileSize);
