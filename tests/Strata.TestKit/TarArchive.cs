using System.Formats.Tar;

namespace Strata.TestKit;

/// <summary>Packs a folder into a plain tar (an OCI archive from a layout, say).</summary>
public static class TarArchive
{
    public static string Pack(string folder, string tarPath)
    {
        using var output = File.Create(tarPath);
        using var writer = new TarWriter(output, TarEntryFormat.Pax);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            writer.WriteEntry(file, Path.GetRelativePath(folder, file).Replace('\\', '/'));
        }
        return tarPath;
    }
}
