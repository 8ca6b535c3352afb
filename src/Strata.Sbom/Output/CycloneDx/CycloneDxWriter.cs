using System.Text.Json;
using Strata.Sbom.Model;
using Strata.Sbom.Output.Licenses;

namespace Strata.Sbom.Output.CycloneDx;

/// <summary>
/// CycloneDX 1.6 JSON: the image as the BOM's subject (a <c>container</c> component), its OS as an
/// <c>operating-system</c> component, every package as a <c>library</c>, and the image depending on all of them.
/// </summary>
public static class CycloneDxWriter
{
    public const string SpecVersion = "1.6";

    public static void Write(SbomDocument document, Stream output, SbomWriteOptions options)
    {
        var serial = options.SerialFor(DocumentKey.For("cyclonedx-json", document, options));
        var refs = BomRefs.For(document);
        var licenseRefs = new LicenseRefs();
        using var json = SbomJson.Open(output);
        json.WriteStartObject();
        json.WriteString("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
        json.WriteString("bomFormat", "CycloneDX");
        json.WriteString("specVersion", SpecVersion);
        json.WriteString("serialNumber", $"urn:uuid:{serial:D}");
        json.WriteNumber("version", 1);
        WriteMetadata(json, document, options, refs);
        json.WriteStartArray("components");
        if (document.Os is { } os)
        {
            WriteOs(json, os, refs.Os!);
        }
        for (var i = 0; i < document.Packages.Count; i++)
        {
            CycloneDxComponent.WritePackage(json, document.Packages[i], refs.Packages[i], licenseRefs);
            SbomJson.FlushIfFull(json);
        }
        json.WriteEndArray();
        WriteDependencies(json, refs);
        json.WriteEndObject();
    }

    private static void WriteMetadata(Utf8JsonWriter json, SbomDocument document, SbomWriteOptions options, BomRefs refs)
    {
        json.WriteStartObject("metadata");
        json.WriteString("timestamp", SbomJson.Timestamp(options.Timestamp));
        json.WriteStartObject("tools");
        json.WriteStartArray("components");
        json.WriteStartObject();
        json.WriteString("type", "application");
        json.WriteString("name", "strata");
        json.WriteString("version", options.ToolVersion);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("component");
        json.WriteString("type", "container");
        json.WriteString("bom-ref", refs.Image);
        json.WriteString("name", document.ImageName);
        json.WriteString("version", document.ManifestDigest ?? document.ConfigDigest);
        CycloneDxComponent.WriteProperties(json, StrataProperties.Of(document));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteOs(Utf8JsonWriter json, OsInfo os, string bomRef)
    {
        json.WriteStartObject();
        json.WriteString("type", "operating-system");
        json.WriteString("bom-ref", bomRef);
        json.WriteString("name", os.Id);
        json.WriteOptional("version", os.VersionId);
        json.WriteOptional("description", os.PrettyName);
        CycloneDxComponent.WriteProperties(json, StrataProperties.Of(os));
        json.WriteEndObject();
    }

    /// <summary>Only what is known: the image holds its OS and every package (their own dependencies are not traced).</summary>
    private static void WriteDependencies(Utf8JsonWriter json, BomRefs refs)
    {
        json.WriteStartArray("dependencies");
        json.WriteStartObject();
        json.WriteString("ref", refs.Image);
        json.WriteStartArray("dependsOn");
        if (refs.Os is not null)
        {
            json.WriteStringValue(refs.Os);
        }
        foreach (var package in refs.Packages)
        {
            json.WriteStringValue(package);
            SbomJson.FlushIfFull(json);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }
}
