using System.Text.Json;
using Strata.Sbom.Output.Licenses;

namespace Strata.Sbom.Output.CycloneDx;

/// <summary>
/// A component's <c>licenses</c>: SPDX identifiers as <c>{license:{id}}</c>, names as <c>{license:{name}}</c>, and an
/// expression as the one <c>{expression}</c> the schema allows (several declared licences, one of them an
/// expression, become one expression joined by AND).
/// </summary>
internal static class CycloneDxLicenses
{
    public static void Write(Utf8JsonWriter json, IReadOnlyList<string> licenses, LicenseRefs refs)
    {
        var entries = DeclaredLicenses.Read(licenses, refs);
        if (entries.Count == 0)
        {
            return;
        }
        json.WriteStartArray("licenses");
        if (entries.Any(e => e.Kind == LicenseKind.Expression))
        {
            json.WriteStartObject();
            json.WriteString("expression", DeclaredLicenses.Conjunction(entries, refs));
            json.WriteEndObject();
        }
        else
        {
            foreach (var entry in entries)
            {
                json.WriteStartObject();
                json.WriteStartObject("license");
                json.WriteString(entry.Kind == LicenseKind.Id ? "id" : "name", entry.Text);
                json.WriteEndObject();
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
    }
}
