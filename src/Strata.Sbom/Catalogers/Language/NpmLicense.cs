using System.Text.Json;

namespace Strata.Sbom.Catalogers.Language;

/// <summary>A package.json's licence: <c>"license": "MIT"</c>, <c>"license": {"type": "MIT"}</c>, or the legacy <c>"licenses"</c> array (joined with OR).</summary>
internal static class NpmLicense
{
    public static IReadOnlyList<string> From(JsonElement manifest)
    {
        if (manifest.TryGetProperty("license", out var license) && Declared(license) is { } single)
        {
            return [single];
        }
        if (manifest.TryGetProperty("licenses", out var licenses) && licenses.ValueKind == JsonValueKind.Array)
        {
            var each = licenses.EnumerateArray().Select(Declared).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            return each.Count switch
            {
                0 => [],
                1 => [each[0]],
                _ => [string.Join(" OR ", each.Select(l => l.Contains(' ', StringComparison.Ordinal) ? $"({l})" : l))],
            };
        }
        return [];
    }

    private static string? Declared(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()) => value.GetString()!.Trim(),
        JsonValueKind.Object => value.String("type"),
        _ => null,
    };
}
