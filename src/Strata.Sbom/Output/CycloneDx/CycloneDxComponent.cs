using System.Text.Json;
using Strata.Sbom.Model;
using Strata.Sbom.Output.Licenses;

namespace Strata.Sbom.Output.CycloneDx;

/// <summary>
/// One package as a <c>library</c> component, or an <c>application</c> when it is the image's own (a development
/// dependency adds <c>scope: optional</c>). Where it was found goes to <c>evidence.occurrences</c> (the paths) and to
/// Strata's properties (<see cref="StrataProperties"/>).
/// </summary>
internal static class CycloneDxComponent
{
    public static void WritePackage(Utf8JsonWriter json, Package package, string bomRef, LicenseRefs refs)
    {
        json.WriteStartObject();
        json.WriteString("type", package.IsApplication ? "application" : "library");
        json.WriteString("bom-ref", bomRef);
        json.WriteString("name", package.Name);
        json.WriteOptional("version", package.Version);
        if (package.IsDevelopment)
        {
            json.WriteString("scope", "optional");
        }
        json.WriteOptional("purl", package.Purl);
        CycloneDxLicenses.Write(json, package.Licenses, refs);
        WriteProperties(json, StrataProperties.Of(package));
        WriteEvidence(json, package.Locations);
        json.WriteEndObject();
    }

    /// <summary>Name-value pairs, sorted by name; the sort is stable, so equal names keep their order.</summary>
    public static void WriteProperties(Utf8JsonWriter json, IEnumerable<(string Name, string? Value)> properties)
    {
        var sorted = properties.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        if (sorted.Count == 0)
        {
            return;
        }
        json.WriteStartArray("properties");
        foreach (var (name, value) in sorted)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            if (value is not null)
            {
                json.WriteString("value", value);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteEvidence(Utf8JsonWriter json, IReadOnlyList<PackageLocation> locations)
    {
        var paths = locations.Select(l => l.Path).Distinct(StringComparer.Ordinal).ToList();
        if (paths.Count == 0)
        {
            return;
        }
        json.WriteStartObject("evidence");
        json.WriteStartArray("occurrences");
        foreach (var path in paths)
        {
            json.WriteStartObject();
            json.WriteString("location", path);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
