using System.IO.Compression;
using System.Text.Json;
using Strata.Sbom.Catalogers.Binaries;

namespace Strata.Sbom.Catalogers.Rust;

/// <summary>
/// Reads the dependency list cargo-auditable embeds in Rust executables: zlib-compressed JSON
/// (<c>{"packages":[{"name","version","source","kind","dependencies","root"}]}</c>) in a section named <c>.dep-v0</c>.
/// </summary>
internal static class RustAuditReader
{
    /// <summary>Far above any real dependency list (a few hundred bytes per crate), low enough to stop a decompression bomb.</summary>
    public const int MaxJsonSize = 16 << 20;

    /// <summary>The crates, or null: with <paramref name="problem"/> null when there is no such section, else saying what is wrong.</summary>
    public static List<RustCrate>? Read(IReadOnlyList<ExecutableFile> images, out string? problem)
    {
        problem = null;
        foreach (var image in images)
        {
            if (Section(image) is not { } section)
            {
                continue;
            }
            if (!image.IsComplete(section))
            {
                problem = $"section {section.Name} ({section.FileSize} bytes at offset {section.FileOffset}) runs past the end of the file";
                return null;
            }
            var json = Inflate(image.Data(section), out problem);
            return json is null ? null : Parse(json, out problem);
        }
        return null;
    }

    /// <summary>cargo-auditable's section, or the name rust-audit 0.1 used.</summary>
    private static ExecutableSection? Section(ExecutableFile image) => image.Format switch
    {
        ExecutableFormat.Elf => image.Section(".dep-v0") ?? image.Section(".rust-deps-v0"),
        ExecutableFormat.Pe => image.Section(".dep-v0") ?? image.Section("rdep-v0"),
        _ => image.Section(".dep-v0") ?? image.Section("rust-deps-v0"),
    };

    private static byte[]? Inflate(ReadOnlySpan<byte> compressed, out string? problem)
    {
        problem = null;
        try
        {
            using var input = new MemoryStream(compressed.ToArray(), writable: false);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                if (output.Length + read > MaxJsonSize)
                {
                    problem = $"inflates to more than {MaxJsonSize} bytes";
                    return null;
                }
                output.Write(buffer, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            problem = $"is not zlib data ({e.Message})";
            return null;
        }
    }

    private static List<RustCrate>? Parse(byte[] json, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("packages", out var packages)
                || packages.ValueKind != JsonValueKind.Array)
            {
                problem = "holds JSON without a packages array";
                return null;
            }
            var crates = new List<RustCrate>();
            var index = 0;
            foreach (var package in packages.EnumerateArray())
            {
                if (Crate(package) is { } crate)
                {
                    crates.Add(crate);
                }
                else
                {
                    problem ??= $"package {index} has no name or version";
                }
                index++;
            }
            return crates;
        }
        catch (JsonException e)
        {
            problem = $"holds malformed JSON ({e.Message})";
            return null;
        }
    }

    private static RustCrate? Crate(JsonElement package)
    {
        if (package.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var name = Text(package, "name");
        var version = Text(package, "version");
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version))
        {
            return null;
        }
        var root = package.TryGetProperty("root", out var r) && r.ValueKind == JsonValueKind.True;
        return new RustCrate(name, version, Text(package, "source"), Text(package, "kind") ?? "runtime", root);
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
