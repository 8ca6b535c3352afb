using System.Text;
using System.Text.Json;
using Strata.Sbom.Model;
using Strata.Sbom.Output.Licenses;

namespace Strata.Sbom.Output.Spdx;

/// <summary>
/// SPDX 2.3 JSON: the document DESCRIBES the image (a CONTAINER package), which CONTAINS its OS and every package;
/// an application has primaryPackagePurpose APPLICATION, and a development dependency is also DEV_DEPENDENCY_OF the
/// application whose folder holds it (else the image).
/// Licences the SPDX list lacks get <c>LicenseRef-</c> identifiers defined in hasExtractedLicensingInfos.
/// </summary>
public static class SpdxWriter
{
    public const string Version = "SPDX-2.3";

    /// <summary>Under the reserved <c>.invalid</c> domain: the namespace only has to be a unique URI, not a place.</summary>
    public const string NamespaceBase = "https://strata.invalid/spdx/";

    public static void Write(SbomDocument document, Stream output, SbomWriteOptions options)
    {
        var serial = options.SerialFor(DocumentKey.For("spdx-json", document, options));
        var ids = SpdxIds.For(document);
        var licenseRefs = new LicenseRefs();
        using var json = SbomJson.Open(output);
        json.WriteStartObject();
        json.WriteString("spdxVersion", Version);
        json.WriteString("dataLicense", "CC0-1.0");
        json.WriteString("SPDXID", SpdxIds.Document);
        json.WriteString("name", document.ImageName);
        json.WriteString("documentNamespace", $"{NamespaceBase}{NamespaceName(document.ImageName)}-{serial:D}");
        json.WriteStartObject("creationInfo");
        json.WriteString("created", SbomJson.Timestamp(options.Timestamp));
        json.WriteStartArray("creators");
        json.WriteStringValue($"Tool: strata-{options.ToolVersion}");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("packages");
        SpdxPackageWriter.WriteSubject(json, SpdxIds.Image, document.ImageName, document.ManifestDigest ?? document.ConfigDigest, "CONTAINER",
            $"platform {document.Platform}, config {document.ConfigDigest}", StrataProperties.Of(document), options);
        if (document.Os is { } os)
        {
            SpdxPackageWriter.WriteSubject(json, SpdxIds.OperatingSystem, os.Id, os.VersionId, "OPERATING_SYSTEM", os.PrettyName, StrataProperties.Of(os), options);
        }
        for (var i = 0; i < document.Packages.Count; i++)
        {
            SpdxPackageWriter.WritePackage(json, document.Packages[i], ids.Packages[i], licenseRefs, options);
            SbomJson.FlushIfFull(json);
        }
        json.WriteEndArray();
        WriteExtractedLicences(json, licenseRefs);
        WriteRelationships(json, document, ids);
        json.WriteEndObject();
    }

    private static void WriteExtractedLicences(Utf8JsonWriter json, LicenseRefs refs)
    {
        var extracted = refs.Extracted.ToList();
        if (extracted.Count == 0)
        {
            return;
        }
        json.WriteStartArray("hasExtractedLicensingInfos");
        foreach (var (id, text) in extracted)
        {
            json.WriteStartObject();
            json.WriteString("licenseId", id);
            json.WriteString("name", text);
            json.WriteString("extractedText", text);
            json.WriteString("comment", "declared in package metadata; not on the SPDX License List");
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteRelationships(Utf8JsonWriter json, SbomDocument document, SpdxIds ids)
    {
        json.WriteStartArray("relationships");
        WriteRelationship(json, SpdxIds.Document, "DESCRIBES", SpdxIds.Image);
        if (document.Os is not null)
        {
            WriteRelationship(json, SpdxIds.Image, "CONTAINS", SpdxIds.OperatingSystem);
        }
        foreach (var package in ids.Packages)
        {
            WriteRelationship(json, SpdxIds.Image, "CONTAINS", package);
            SbomJson.FlushIfFull(json);
        }
        WriteDevelopmentDependencies(json, document, ids);
        json.WriteEndArray();
    }

    private static void WriteDevelopmentDependencies(Utf8JsonWriter json, SbomDocument document, SpdxIds ids)
    {
        var applications = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Packages.Count; i++)
        {
            if (document.Packages[i].IsApplication && Folder(document.Packages[i]) is { } folder)
            {
                applications.TryAdd(folder, ids.Packages[i]);
            }
        }
        for (var i = 0; i < document.Packages.Count; i++)
        {
            if (document.Packages[i].IsDevelopment)
            {
                WriteRelationship(json, ids.Packages[i], "DEV_DEPENDENCY_OF", Enclosing(applications, Folder(document.Packages[i])) ?? SpdxIds.Image);
            }
        }
    }

    /// <summary>The application of <paramref name="folder"/> or the nearest folder above it (<c>/app</c> for <c>/app/vendor/composer</c>).</summary>
    private static string? Enclosing(Dictionary<string, string> applications, string? folder)
    {
        for (var at = folder; at is not null; at = at.Length == 0 ? null : at[..Math.Max(0, at.LastIndexOf('/'))])
        {
            if (applications.TryGetValue(at, out var application))
            {
                return application;
            }
        }
        return null;
    }

    /// <summary>The folder of the manifest a package was read from (<c>/app</c> for <c>/app/composer.lock</c>).</summary>
    private static string? Folder(Package package) =>
        package.Locations.Count == 0 ? null : package.Locations[0].Path[..Math.Max(0, package.Locations[0].Path.LastIndexOf('/'))];

    private static void WriteRelationship(Utf8JsonWriter json, string from, string type, string to)
    {
        json.WriteStartObject();
        json.WriteString("spdxElementId", from);
        json.WriteString("relationshipType", type);
        json.WriteString("relatedSpdxElement", to);
        json.WriteEndObject();
    }

    /// <summary>The image name as one URI path segment: letters, digits, '.', '-' and '_' kept, anything else '-'.</summary>
    private static string NamespaceName(string imageName)
    {
        var builder = new StringBuilder(imageName.Length);
        foreach (var c in imageName)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-');
        }
        return builder.ToString().Trim('-');
    }
}
