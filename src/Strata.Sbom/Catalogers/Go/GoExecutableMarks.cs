using Strata.Sbom.Catalogers.Binaries;

namespace Strata.Sbom.Catalogers.Go;

/// <summary>
/// Signs that an executable was built by Go even when its build info cannot be found: the Go build ID note (ELF), the build ID
/// the linker writes at the start of the text (PE, Mach-O), or a build info section.
/// </summary>
internal static class GoExecutableMarks
{
    private const int NoteTypeGoBuildId = 4;
    private const int TextWindow = 64 * 1024;

    private static readonly byte[] BuildIdText = [0xff, .. " Go build ID: \""u8];

    public static bool Present(ReadOnlySpan<byte> content, IReadOnlyList<ExecutableFile> images)
    {
        foreach (var image in images)
        {
            if (image.Section(".note.go.buildid") is not null || image.Section(".go.buildinfo") is not null || image.Section("__go_buildinfo") is not null)
            {
                return true;
            }
            if (image.Segments.Any(s => s.Kind == SegmentKind.Note && HasGoNote(image, s)))
            {
                return true;
            }
        }
        return content[..Math.Min(content.Length, TextWindow)].IndexOf(BuildIdText) >= 0;
    }

    /// <summary>Walks the notes of a PT_NOTE segment (4-byte aligned): name size, descriptor size, type, name, descriptor.</summary>
    private static bool HasGoNote(ExecutableFile image, ExecutableSegment segment)
    {
        var reader = image.Image;
        var at = segment.FileOffset;
        var end = segment.FileOffset + Math.Min(segment.FileSize, TextWindow);
        while (at + 12 <= end && reader.Contains(at, 12))
        {
            var nameSize = reader.U32(at);
            var descriptorSize = reader.U32(at + 4);
            var type = reader.U32(at + 8);
            var name = at + 12;
            if (type == NoteTypeGoBuildId && nameSize == 4 && reader.Contains(name, 4) && reader.Span(name, 4).SequenceEqual("Go\0\0"u8))
            {
                return true;
            }
            at = name + Pad(nameSize) + Pad(descriptorSize);
        }
        return false;
    }

    private static ulong Pad(uint size) => (size + 3ul) & ~3ul;
}
