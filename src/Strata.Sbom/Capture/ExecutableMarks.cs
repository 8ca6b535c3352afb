namespace Strata.Sbom.Capture;

/// <summary>
/// Watches an executable stream past for the bytes without which the executable catalogers find nothing and say
/// nothing: the Go build info magic, a Go section or note name, the Go build ID text, a cargo-auditable section name.
/// An executable with none of them (a C compiler, the JVM) need not be kept to be cataloged.
/// </summary>
internal sealed class ExecutableMarks
{
    private static readonly byte[][] Marks =
    [
        "Go buildinf:"u8.ToArray(), // the build info header (GoBuildInfoReader)
        "go.build"u8.ToArray(), // .go.buildinfo, .note.go.buildid (ELF)
        "go_build"u8.ToArray(), // __go_buildinfo (Mach-O)
        "\x04\0\0\0Go\0\0"u8.ToArray(), // the Go build ID note: its type (4, little-endian), then its name
        "\0\0\0\x04Go\0\0"u8.ToArray(), // the same, big-endian
        "Go build ID"u8.ToArray(), // the build ID at the start of the text (PE, Mach-O)
        "dep-v0"u8.ToArray(), // .dep-v0, rdep-v0 (cargo-auditable)
        "deps-v0"u8.ToArray(), // .rust-deps-v0, rust-deps-v0 (rust-audit 0.1)
    ];

    private static readonly int Overlap = Marks.Max(m => m.Length) - 1;

    /// <summary>The last bytes seen, so that a mark split between two chunks is found.</summary>
    private readonly byte[] _tail = new byte[Overlap];
    private int _tailLength;

    public bool Found { get; private set; }

    /// <summary>Whether the marks are all a cataloger needs: true for the catalogers they were drawn from.</summary>
    public static bool Cover(Catalogers.IPackageCataloger cataloger) => cataloger is Catalogers.GoBinaryCataloger or Catalogers.RustAuditCataloger;

    public void Scan(ReadOnlySpan<byte> chunk)
    {
        if (Found || chunk.IsEmpty)
        {
            return;
        }
        Span<byte> seam = stackalloc byte[2 * Overlap];
        var prefix = Math.Min(chunk.Length, Overlap);
        _tail.AsSpan(0, _tailLength).CopyTo(seam);
        chunk[..prefix].CopyTo(seam[_tailLength..]);
        if (Holds(seam[..(_tailLength + prefix)]) || Holds(chunk))
        {
            Found = true;
            return;
        }
        if (chunk.Length >= Overlap)
        {
            chunk[^Overlap..].CopyTo(_tail);
            _tailLength = Overlap;
        }
        else
        {
            var joined = seam[..(_tailLength + prefix)];
            var keep = Math.Min(joined.Length, Overlap);
            joined[^keep..].CopyTo(_tail);
            _tailLength = keep;
        }
    }

    private static bool Holds(ReadOnlySpan<byte> bytes)
    {
        foreach (var mark in Marks)
        {
            if (bytes.IndexOf(mark) >= 0)
            {
                return true;
            }
        }
        return false;
    }
}
