using System.IO.Compression;
using System.Text.Json;
using Strata.TestKit;

namespace Strata.Vulnerabilities.Tests.Store;

/// <summary>
/// The real records in ../shared/fixtures/advisories, read here with System.Text.Json alone (not Strata's parser), so
/// what the store answers is checked against what the files say.
/// </summary>
public static class SharedAdvisories
{
    public static string Folder => Path.Combine(Fixtures.Shared, "advisories");

    public static IReadOnlyList<string> Files => Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal).ToList();

    /// <summary>Each (ecosystem without its release, package name) the files name, with the IDs of the records naming it.</summary>
    public static IReadOnlyDictionary<(string Base, string Name), SortedSet<string>> Packages()
    {
        var packages = new Dictionary<(string, string), SortedSet<string>>();
        foreach (var file in Files)
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            var id = json.RootElement.GetProperty("id").GetString()!;
            foreach (var affected in json.RootElement.GetProperty("affected").EnumerateArray())
            {
                var package = affected.GetProperty("package");
                var ecosystem = package.GetProperty("ecosystem").GetString()!;
                var key = (ecosystem.Split(':')[0], package.GetProperty("name").GetString()!);
                if (!packages.TryGetValue(key, out var ids))
                {
                    packages[key] = ids = new SortedSet<string>(StringComparer.Ordinal);
                }
                ids.Add(id);
            }
        }
        return packages;
    }

    /// <summary>An export as OSV publishes it: a zip of one JSON file per record, named by its ID.</summary>
    public static byte[] Zip(IEnumerable<string> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                var entry = zip.CreateEntry(Path.GetFileName(file), CompressionLevel.Optimal);
                using var stream = entry.Open();
                stream.Write(File.ReadAllBytes(file));
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A zip of the given entries, each a name and its bytes.</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The files whose records name <paramref name="ecosystemBase"/>.</summary>
    public static IReadOnlyList<string> FilesOf(string ecosystemBase) => Files.Where(f =>
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(f));
        return json.RootElement.GetProperty("affected").EnumerateArray()
            .Any(a => a.GetProperty("package").GetProperty("ecosystem").GetString()!.Split(':')[0] == ecosystemBase);
    }).ToList();
}
