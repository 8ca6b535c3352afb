namespace Strata.Sbom.Catalogers.Binaries;

/// <summary>Recognises executables by their first bytes and reads their headers, whatever the format.</summary>
internal static class ExecutableReader
{
    /// <summary>ELF executables and shared objects, PE files, Mach-O files and fat Mach-O files, told by their first bytes.</summary>
    public static bool Looks(ReadOnlySpan<byte> head) =>
        ElfParser.Looks(head) || PeParser.Looks(head) || MachOParser.Looks(head) || MachOParser.LooksFat(head);

    /// <summary>
    /// The images in a file: one, or one per slice of a fat Mach-O file. What could not be read at all goes to
    /// <paramref name="problems"/>; what could partly be read is in each image's <see cref="ExecutableFile.Damage"/>.
    /// </summary>
    public static List<ExecutableFile> Read(ReadOnlyMemory<byte> content, List<string> problems)
    {
        var images = new List<ExecutableFile>();
        var head = content.Span;
        try
        {
            if (ElfParser.Looks(head))
            {
                images.Add(ElfParser.Parse(content));
            }
            else if (PeParser.Looks(head))
            {
                images.Add(PeParser.Parse(content));
            }
            else if (MachOParser.Looks(head))
            {
                images.Add(MachOParser.Parse(content));
            }
            else if (MachOParser.LooksFat(head))
            {
                foreach (var (offset, size) in MachOParser.FatSlices(content))
                {
                    if (offset >= (ulong)content.Length || size > (ulong)content.Length - offset)
                    {
                        problems.Add($"fat Mach-O slice ({size} bytes at offset {offset}) runs past the end of the file");
                        continue;
                    }
                    images.Add(MachOParser.Parse(content.Slice((int)offset, (int)size)));
                }
            }
        }
        catch (MalformedExecutableException e)
        {
            problems.Add(e.Message);
        }
        return images;
    }
}
