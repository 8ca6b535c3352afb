using System.Text.Json;
using Strata.Images;
using Strata.Sbom.Model;
using Strata.Sbom.Output;

namespace Strata.Sbom.Input;

/// <summary>
/// Reads CycloneDX 1.4–1.6 JSON: every component with a purl (nested ones too) as a package, the
/// <c>operating-system</c> component as the OS, <c>metadata.component</c> as the image. Strata's own documents keep
/// the catalogers' package names and the layer facts in <see cref="StrataProperties"/>; Trivy's keep the source package
/// (<c>aquasecurity:trivy:Src*</c>) and each package's layer diff_id, placed by the image's diff_id list.
/// </summary>
internal static class CycloneDxReader
{
    private static readonly string[] SpecVersions = ["1.4", "1.5", "1.6"];

    public static SbomDocument Read(JsonElement root, string path)
    {
        var version = JsonInput.RequiredString(root, "specVersion", path);
        if (!SpecVersions.Contains(version, StringComparer.Ordinal))
        {
            throw new StrataException($"{path}.specVersion: CycloneDX {version} is not read; {string.Join(", ", SpecVersions)} are");
        }
        var metadata = JsonInput.Object(root, "metadata", path);
        var fromStrata = metadata is { } m && Tools(m, $"{path}.metadata").Contains("strata", StringComparer.OrdinalIgnoreCase);
        var subject = metadata is { } meta ? JsonInput.Object(meta, "component", $"{path}.metadata") : null;
        var image = subject is { } s ? Properties(s, $"{path}.metadata.component") : new NamedValues();
        var diffIds = (image.First("aquasecurity:trivy:DiffID") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

        var packages = new List<Package>();
        var warnings = new List<string>();
        OsInfo? os = null;
        var reader = new ComponentReader(fromStrata, diffIds, packages);
        foreach (var (component, where) in Components(root, path, 0))
        {
            if (JsonInput.String(component, "type", where) == "operating-system")
            {
                os ??= Os(component, where);
                continue;
            }
            reader.Add(component, where);
        }
        if (reader.WithoutPurl > 0)
        {
            warnings.Add($"{path}: {reader.WithoutPurl} librar{(reader.WithoutPurl == 1 ? "y" : "ies")} without a package URL skipped");
        }
        os ??= packages.Select(p => ParsedPackageUrl.TryParse(p.Purl)).Select(p => p is null ? null : PurlPackages.Distro(p)).FirstOrDefault(o => o is not null);

        var name = subject is { } named ? JsonInput.String(named, "name", $"{path}.metadata.component") : null;
        var subjectVersion = subject is { } versioned ? JsonInput.String(versioned, "version", $"{path}.metadata.component") : null;
        var config = image.First(StrataProperties.ImageConfigDigest) ?? image.First("aquasecurity:trivy:ImageID") ?? "";
        var manifest = image.First("aquasecurity:trivy:RepoDigest") is { } repoDigest && repoDigest.IndexOf('@', StringComparison.Ordinal) is var at and > 0
            ? repoDigest[(at + 1)..]
            : subjectVersion is { } v && v.StartsWith("sha256:", StringComparison.Ordinal) && v != config ? v : null;
        return new SbomDocument(name ?? Path.GetFileName(path), manifest, config, image.First(StrataProperties.ImagePlatform) ?? "", os, packages, warnings);
    }

    /// <summary>Every component, depth first; CycloneDX lets components hold components.</summary>
    private static IEnumerable<(JsonElement Component, string Where)> Components(JsonElement parent, string where, int depth)
    {
        foreach (var (component, i) in JsonInput.Array(parent, "components", where).Select((c, i) => (c, i)))
        {
            var at = $"{where}.components[{i}]";
            JsonInput.RequireObject(component, at);
            yield return (component, at);
            if (depth < 16)
            {
                foreach (var nested in Components(component, at, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>The tools' names: 1.4's array of tools, or 1.5's <c>{components, services}</c>.</summary>
    private static IEnumerable<string> Tools(JsonElement metadata, string where)
    {
        if (!metadata.TryGetProperty("tools", out var tools))
        {
            return [];
        }
        var list = tools.ValueKind switch
        {
            JsonValueKind.Array => tools.EnumerateArray().ToList(),
            JsonValueKind.Object => JsonInput.Array(tools, "components", $"{where}.tools").Concat(JsonInput.Array(tools, "services", $"{where}.tools")).ToList(),
            _ => throw new StrataException($"{where}.tools: expected an array or an object, found {JsonInput.Kind(tools)}"),
        };
        return list.Where(t => t.ValueKind == JsonValueKind.Object).Select(t => JsonInput.String(t, "name", $"{where}.tools")).OfType<string>();
    }

    private static OsInfo Os(JsonElement component, string where)
    {
        var properties = Properties(component, where);
        return new OsInfo(JsonInput.RequiredString(component, "name", where), JsonInput.String(component, "version", where) ?? "",
            JsonInput.String(component, "description", where), properties.First(StrataProperties.OsVersionCodename));
    }

    public static NamedValues Properties(JsonElement component, string where)
    {
        var values = new NamedValues();
        foreach (var (property, i) in JsonInput.Array(component, "properties", where).Select((p, i) => (p, i)))
        {
            var at = $"{where}.properties[{i}]";
            JsonInput.RequireObject(property, at);
            values.Add(JsonInput.RequiredString(property, "name", at), JsonInput.String(property, "value", at));
        }
        return values;
    }
}
