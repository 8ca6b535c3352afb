using System.Text.Json;
using Strata.Images;
using Strata.Sbom.Model;
using Strata.Sbom.Output;

namespace Strata.Sbom.Input;

/// <summary>
/// Reads SPDX 2.3 JSON: every package with a purl external reference as a package, the OPERATING_SYSTEM package as
/// the OS, the CONTAINER package (else the document's name) as the image. Strata's own documents keep the catalogers'
/// package names and the layer facts as annotations (<c>name=value</c>, see <see cref="StrataProperties"/>).
/// </summary>
internal static class SpdxReader
{
    public static SbomDocument Read(JsonElement root, string path)
    {
        var version = JsonInput.RequiredString(root, "spdxVersion", path);
        if (version is not ("SPDX-2.3" or "SPDX-2.2"))
        {
            throw new StrataException($"{path}.spdxVersion: {version} is not read; SPDX-2.3 (and 2.2) JSON is");
        }
        var creationInfo = JsonInput.Object(root, "creationInfo", path);
        var fromStrata = creationInfo is { } c && JsonInput.Array(c, "creators", $"{path}.creationInfo")
            .Any(t => t.ValueKind == JsonValueKind.String && t.GetString()!.StartsWith("Tool: strata-", StringComparison.Ordinal));

        var packages = new List<Package>();
        OsInfo? os = null;
        string? imageName = null;
        string? imageVersion = null;
        var image = new NamedValues();
        var withoutPurl = 0;
        var spdxIds = new List<string?>();
        foreach (var (element, i) in JsonInput.Array(root, "packages", path).Select((p, i) => (p, i)))
        {
            var where = $"{path}.packages[{i}]";
            JsonInput.RequireObject(element, where);
            var annotations = Annotations(element, where);
            switch (JsonInput.String(element, "primaryPackagePurpose", where))
            {
                case "CONTAINER" when imageName is null:
                    imageName = JsonInput.String(element, "name", where);
                    imageVersion = JsonInput.String(element, "versionInfo", where);
                    image = annotations;
                    continue;
                case "OPERATING_SYSTEM" when os is null:
                    os = new OsInfo(JsonInput.RequiredString(element, "name", where), JsonInput.String(element, "versionInfo", where) ?? "",
                        JsonInput.String(element, "description", where), annotations.First(StrataProperties.OsVersionCodename));
                    continue;
            }
            if (Purl(element, where) is not { } purlText)
            {
                withoutPurl++;
                continue;
            }
            var purl = ParsedPackageUrl.TryParse(purlText) ?? throw new StrataException($"{where}.externalRefs: '{purlText}' is not a package URL");
            var (upstreamName, upstreamVersion) = PurlPackages.Upstream(purl);
            var license = JsonInput.String(element, "licenseDeclared", where);
            spdxIds.Add(JsonInput.String(element, "SPDXID", where));
            packages.Add(new Package
            {
                Ecosystem = PurlPackages.Ecosystem(purl.Type) ?? purl.Type,
                Name = fromStrata ? JsonInput.RequiredString(element, "name", where) : PurlPackages.Name(purl),
                Version = PurlPackages.Version(purl, JsonInput.String(element, "versionInfo", where)),
                Purl = purlText,
                Licenses = license is null or "NOASSERTION" or "NONE" ? [] : [license],
                Locations = fromStrata ? annotations.StrataLocations(where) : [],
                SourceName = annotations.First(StrataProperties.SourceName) ?? upstreamName,
                SourceVersion = annotations.First(StrataProperties.SourceVersion) ?? upstreamVersion,
                Architecture = annotations.First(StrataProperties.Architecture) ?? purl.Qualifier("arch"),
                IsApplication = JsonInput.String(element, "primaryPackagePurpose", where) == "APPLICATION",
            });
        }
        MarkDevelopmentDependencies(root, path, packages, spdxIds);
        os ??= packages.Select(p => ParsedPackageUrl.TryParse(p.Purl)).Select(p => p is null ? null : PurlPackages.Distro(p)).FirstOrDefault(o => o is not null);
        var config = image.First(StrataProperties.ImageConfigDigest) ?? "";
        var manifest = imageVersion is { } v && v.StartsWith("sha256:", StringComparison.Ordinal) && v != config ? v : null;
        List<string> warnings = withoutPurl > 0 ? [$"{path}: {withoutPurl} package{(withoutPurl == 1 ? "" : "s")} without a package URL skipped"] : [];
        return new SbomDocument(imageName ?? JsonInput.String(root, "name", path) ?? Path.GetFileName(path), manifest, config,
            image.First(StrataProperties.ImagePlatform) ?? "", os, packages, warnings);
    }

    /// <summary>Packages that are DEV_DEPENDENCY_OF another element are development dependencies.</summary>
    private static void MarkDevelopmentDependencies(JsonElement root, string path, List<Package> packages, List<string?> spdxIds)
    {
        var development = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (relationship, i) in JsonInput.Array(root, "relationships", path).Select((r, i) => (r, i)))
        {
            var where = $"{path}.relationships[{i}]";
            JsonInput.RequireObject(relationship, where);
            if (JsonInput.String(relationship, "relationshipType", where) == "DEV_DEPENDENCY_OF" && JsonInput.String(relationship, "spdxElementId", where) is { } id)
            {
                development.Add(id);
            }
        }
        for (var i = 0; i < packages.Count; i++)
        {
            if (spdxIds[i] is { } id && development.Contains(id))
            {
                packages[i] = packages[i] with { IsDevelopment = true };
            }
        }
    }

    /// <summary>The first PACKAGE-MANAGER (2.3; PACKAGE_MANAGER in 2.2) reference of type purl.</summary>
    private static string? Purl(JsonElement package, string where)
    {
        foreach (var (reference, i) in JsonInput.Array(package, "externalRefs", where).Select((r, i) => (r, i)))
        {
            var at = $"{where}.externalRefs[{i}]";
            JsonInput.RequireObject(reference, at);
            if (JsonInput.String(reference, "referenceType", at) == "purl")
            {
                return JsonInput.RequiredString(reference, "referenceLocator", at);
            }
        }
        return null;
    }

    /// <summary>Strata's own annotations (by a <c>Tool: strata-…</c> annotator), <c>name=value</c> or just <c>name</c>.</summary>
    private static NamedValues Annotations(JsonElement package, string where)
    {
        var values = new NamedValues();
        foreach (var (annotation, i) in JsonInput.Array(package, "annotations", where).Select((a, i) => (a, i)))
        {
            var at = $"{where}.annotations[{i}]";
            JsonInput.RequireObject(annotation, at);
            if (JsonInput.String(annotation, "annotator", at) is not { } annotator || !annotator.StartsWith("Tool: strata-", StringComparison.Ordinal)
                || JsonInput.String(annotation, "comment", at) is not { } comment || !comment.StartsWith("strata:", StringComparison.Ordinal))
            {
                continue;
            }
            var equals = comment.IndexOf('=', StringComparison.Ordinal);
            values.Add(equals < 0 ? comment : comment[..equals], equals < 0 ? null : comment[(equals + 1)..]);
        }
        return values;
    }
}
