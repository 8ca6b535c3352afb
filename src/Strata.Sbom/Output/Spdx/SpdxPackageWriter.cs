using System.Globalization;
using System.Text.Json;
using Strata.Sbom.Model;
using Strata.Sbom.Output.Licenses;

namespace Strata.Sbom.Output.Spdx;

/// <summary>
/// SPDX packages. Nothing is downloaded, analysed file by file or concluded, so those fields say NOASSERTION and
/// filesAnalyzed is false; the declared licence is a valid expression or NOASSERTION; the purl is a PACKAGE-MANAGER
/// reference; where each package was found (path, layer, Dockerfile line) is its sourceInfo, and Strata's facts
/// (<see cref="StrataProperties"/>) are its annotations, so Strata can read them back.
/// </summary>
internal static class SpdxPackageWriter
{
    public static void WritePackage(Utf8JsonWriter json, Package package, string spdxId, LicenseRefs refs, SbomWriteOptions options)
    {
        json.WriteStartObject();
        json.WriteString("SPDXID", spdxId);
        json.WriteString("name", package.Name);
        json.WriteOptional("versionInfo", package.Version);
        WriteUnanalysed(json);
        json.WriteString("licenseDeclared", DeclaredLicenses.Conjunction(DeclaredLicenses.Read(package.Licenses, refs), refs) ?? "NOASSERTION");
        if (package.IsApplication)
        {
            json.WriteString("primaryPackagePurpose", "APPLICATION");
        }
        if (package.Purl.Length > 0)
        {
            json.WriteStartArray("externalRefs");
            json.WriteStartObject();
            json.WriteString("referenceCategory", "PACKAGE-MANAGER");
            json.WriteString("referenceType", "purl");
            json.WriteString("referenceLocator", package.Purl);
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteOptional("sourceInfo", SourceInfo(package));
        if (package.SourceName is not null)
        {
            json.WriteString("comment", $"source package: {package.SourceName} {package.SourceVersion}".TrimEnd());
        }
        WriteAnnotations(json, StrataProperties.Of(package), options);
        json.WriteEndObject();
    }

    /// <summary>The image (CONTAINER) or its OS (OPERATING_SYSTEM): a name, a version and what they are.</summary>
    public static void WriteSubject(Utf8JsonWriter json, string spdxId, string name, string? version, string purpose, string? description,
        IReadOnlyList<(string Name, string? Value)> properties, SbomWriteOptions options)
    {
        json.WriteStartObject();
        json.WriteString("SPDXID", spdxId);
        json.WriteString("name", name);
        json.WriteOptional("versionInfo", version);
        WriteUnanalysed(json);
        json.WriteString("licenseDeclared", "NOASSERTION");
        json.WriteString("primaryPackagePurpose", purpose);
        json.WriteOptional("description", description);
        WriteAnnotations(json, properties, options);
        json.WriteEndObject();
    }

    /// <summary>
    /// Strata's facts (<see cref="StrataProperties"/>) as annotations of type OTHER by the tool, one a fact, the comment
    /// <c>name=value</c> (just <c>name</c> when there is no value), in the properties' order.
    /// </summary>
    private static void WriteAnnotations(Utf8JsonWriter json, IReadOnlyList<(string Name, string? Value)> properties, SbomWriteOptions options)
    {
        if (properties.Count == 0)
        {
            return;
        }
        json.WriteStartArray("annotations");
        foreach (var (name, value) in properties)
        {
            json.WriteStartObject();
            json.WriteString("annotationDate", SbomJson.Timestamp(options.Timestamp));
            json.WriteString("annotationType", "OTHER");
            json.WriteString("annotator", $"Tool: strata-{options.ToolVersion}");
            json.WriteString("comment", value is null ? name : $"{name}={value}");
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteUnanalysed(Utf8JsonWriter json)
    {
        json.WriteString("downloadLocation", "NOASSERTION");
        json.WriteBoolean("filesAnalyzed", false);
        json.WriteString("licenseConcluded", "NOASSERTION");
        json.WriteString("copyrightText", "NOASSERTION");
    }

    /// <summary>"found by the dpkg cataloger at /var/lib/dpkg/status in layer 1 (sha256:…), added by: RUN …", one clause a location.</summary>
    private static string? SourceInfo(Package package)
    {
        if (package.Locations.Count == 0)
        {
            return null;
        }
        var clauses = package.Locations.Select(l =>
        {
            var layer = string.Create(CultureInfo.InvariantCulture, $"{l.Path} in layer {l.Layer} ({l.DiffId})");
            return l.CreatedBy is null ? layer : $"{layer}, added by: {l.CreatedBy}";
        });
        return $"found by the {package.Ecosystem} cataloger at " + string.Join("; at ", clauses);
    }
}
