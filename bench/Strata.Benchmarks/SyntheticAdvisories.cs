using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Strata.Benchmarks;

/// <summary>
/// OSV records shaped like the real ones, generated from fixed seeds and cached as export zips under the temp folder
/// (keyed by <see cref="Version"/>): GitHub-style advisories (aliases, a CVSS vector, a page of details, ranges with
/// introduced/fixed events, references, database_specific) for the language ecosystems, and Debian/Alpine-style ones
/// (explicit version lists, an urgency) for the distributions. Packages are drawn skewed, as in OSV, where a few
/// packages (linux, chromium, tensorflow) carry hundreds of records and most carry one or two.
/// </summary>
internal static class SyntheticAdvisories
{
    public const string Version = "v1";

    /// <summary>Distinct package names per ecosystem; lookups draw from the same space, so some names have no record.</summary>
    public const int NamesPerEcosystem = 6_000;

    private static readonly string[] Ecosystems = ["npm", "PyPI", "Maven", "Go", "NuGet", "crates.io", "RubyGems", "Packagist", "Debian:12", "Alpine:v3.18"];

    private static readonly string[] Words =
        "the a an of in to for with when by is are be via allows remote attacker attackers crafted request input file path parser buffer overflow injection cross site scripting denial service memory leak improper validation sanitization authentication bypass privilege escalation arbitrary code execution prototype pollution regular expression uncontrolled resource consumption deserialization untrusted data null pointer dereference out bounds read write integer race condition symlink following directory traversal server side forgery header cookie session token certificate verification TLS HTTP".Split(' ');

    public static string Folder => Path.Combine(Path.GetTempPath(), "strata-bench", $"advisories-{Version}");

    /// <summary>A zip of <paramref name="count"/> records, generated once.</summary>
    public static string EnsureZip(int count)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"all-{count}.zip");
        if (File.Exists(path))
        {
            return path;
        }
        var staging = $"{path}.partial-{Environment.ProcessId}";
        using (var zip = new ZipArchive(File.Create(staging), ZipArchiveMode.Create))
        {
            var random = new Random(count);
            var buffer = new ArrayBufferWriterStream();
            for (var i = 0; i < count; i++)
            {
                var id = Id(i);
                buffer.Reset();
                Write(buffer, id, i, random);
                using var entry = zip.CreateEntry(id + ".json", CompressionLevel.Fastest).Open();
                entry.Write(buffer.Written);
            }
        }
        File.Move(staging, path, overwrite: true);
        return path;
    }

    /// <summary><paramref name="count"/> (ecosystem base, name) pairs an SBOM might hold, drawn uniformly from the names records use.</summary>
    public static IReadOnlyList<(string Ecosystem, string Name)> Lookups(int count)
    {
        var random = new Random(7);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var ecosystem = Ecosystems[random.Next(Ecosystems.Length)];
            return (ecosystem.Split(':')[0], Name(ecosystem, random.Next(NamesPerEcosystem)));
        }).ToList();
    }

    private static string Id(int i) => $"SYN-{i / 10_000:D4}-{i % 10_000:D4}";

    private static string Name(string ecosystem, int n) => ecosystem switch
    {
        "Maven" => $"org.example.group{n % 97}:artifact-{n}",
        "Go" => $"github.com/example{n % 89}/module{n}",
        "Packagist" => $"vendor{n % 83}/package-{n}",
        _ => $"package-{n}",
    };

    private static void Write(Stream stream, string id, int i, Random random)
    {
        var ecosystem = Ecosystems[random.Next(Ecosystems.Length)];
        var distro = ecosystem.Contains(':', StringComparison.Ordinal);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var modified = new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(3_000_000));
        json.WriteStartObject();
        json.WriteString("schema_version", "1.6.0");
        json.WriteString("id", id);
        json.WriteString("modified", modified.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        json.WriteString("published", modified.AddDays(-random.Next(400)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        var cve = $"CVE-{2015 + random.Next(10)}-{random.Next(1000, 60000)}";
        json.WriteStartArray("aliases");
        json.WriteStringValue(cve);
        json.WriteEndArray();
        json.WriteString("summary", Sentence(random, 6, 14));
        json.WriteString("details", string.Join(' ', Enumerable.Range(0, distro ? 2 : 2 + random.Next(8)).Select(_ => Sentence(random, 12, 30))));
        if (!distro)
        {
            json.WriteStartArray("severity");
            json.WriteStartObject();
            json.WriteString("type", "CVSS_V3");
            json.WriteString("score", $"CVSS:3.1/AV:{Pick(random, "N", "A", "L")}/AC:{Pick(random, "L", "H")}/PR:{Pick(random, "N", "L", "H")}/UI:{Pick(random, "N", "R")}/S:U/C:{Pick(random, "H", "L", "N")}/I:{Pick(random, "H", "L", "N")}/A:{Pick(random, "H", "L", "N")}");
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteStartArray("affected");
        var packages = distro ? 1 : 1 + (random.Next(10) == 0 ? random.Next(3) : 0);
        for (var p = 0; p < packages; p++)
        {
            // Skewed: the square of a uniform draw favours the low (popular) names.
            var n = (int)(Math.Pow(random.NextDouble(), 2) * NamesPerEcosystem);
            var name = Name(ecosystem, n);
            json.WriteStartObject();
            json.WriteStartObject("package");
            json.WriteString("ecosystem", ecosystem);
            json.WriteString("name", name);
            json.WriteString("purl", $"pkg:{ecosystem.Split(':')[0].ToLowerInvariant()}/{name}");
            json.WriteEndObject();
            json.WriteStartArray("ranges");
            json.WriteStartObject();
            json.WriteString("type", ecosystem == "Go" ? "SEMVER" : "ECOSYSTEM");
            json.WriteStartArray("events");
            json.WriteStartObject();
            json.WriteString("introduced", random.Next(3) == 0 ? "0" : $"{random.Next(5)}.{random.Next(20)}.0");
            json.WriteEndObject();
            json.WriteStartObject();
            json.WriteString("fixed", $"{5 + random.Next(5)}.{random.Next(20)}.{random.Next(30)}");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            if (distro)
            {
                json.WriteStartArray("versions");
                for (var v = 0; v < 5 + random.Next(25); v++)
                {
                    json.WriteStringValue($"{random.Next(3)}.{v}.{random.Next(9)}-{1 + random.Next(4)}");
                }
                json.WriteEndArray();
                json.WriteStartObject("ecosystem_specific");
                json.WriteString("urgency", Pick(random, "low", "medium", "high", "not yet assigned"));
                json.WriteEndObject();
            }
            json.WriteStartObject("database_specific");
            json.WriteString("source", $"https://github.com/github/advisory-database/blob/main/advisories/{id}.json");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("references");
        for (var r = 0; r < 2 + random.Next(6); r++)
        {
            json.WriteStartObject();
            json.WriteString("type", Pick(random, "ADVISORY", "WEB", "PACKAGE", "FIX"));
            json.WriteString("url", r == 0 ? $"https://nvd.nist.gov/vuln/detail/{cve}" : $"https://github.com/example/project{i % 1000}/commit/{random.NextInt64():x16}{random.NextInt64():x16}");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("database_specific");
        json.WriteStartArray("cwe_ids");
        json.WriteStringValue($"CWE-{random.Next(20, 1000)}");
        json.WriteEndArray();
        json.WriteString("severity", Pick(random, "LOW", "MODERATE", "HIGH", "CRITICAL"));
        json.WriteBoolean("github_reviewed", true);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Sentence(Random random, int min, int max)
    {
        var text = new StringBuilder();
        for (var w = 0; w < min + random.Next(max - min); w++)
        {
            text.Append(w == 0 ? "" : " ").Append(Words[random.Next(Words.Length)]);
        }
        return text.Append('.').ToString();
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];

    /// <summary>A reusable in-memory stream: the bytes written since the last <see cref="Reset"/>.</summary>
    private sealed class ArrayBufferWriterStream : MemoryStream
    {
        public ReadOnlySpan<byte> Written => GetBuffer().AsSpan(0, (int)Length);

        public void Reset() => SetLength(0);
    }
}
