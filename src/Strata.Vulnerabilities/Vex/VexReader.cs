using System.Globalization;
using System.Text.Json;
using Strata.Images;
using Strata.Sbom.Input;

namespace Strata.Vulnerabilities.Vex;

/// <summary>
/// Reads an OpenVEX document strictly, as the specification (v0.2.0, and v0.0.x's plain-string forms) requires:
/// <c>@context</c> an openvex.dev namespace, <c>@id</c>, <c>author</c>, an RFC 3339 <c>timestamp</c>, and
/// <c>statements</c>, each with a vulnerability (an object with <c>name</c>, or a plain string), at least one product
/// (an object with <c>@id</c> and/or <c>identifiers</c>, or a plain string), a known <c>status</c>, and for
/// <c>not_affected</c> a known <c>justification</c> or an <c>impact_statement</c>. Errors name the file and field.
/// </summary>
internal static class VexReader
{
    public const long MaxBytes = 32L * 1024 * 1024;

    public static VexDocument Read(string path)
    {
        using var json = JsonInput.Load(path, MaxBytes, "VEX document");
        var root = json.RootElement;
        JsonInput.RequireObject(root, $"{path}: the document");
        var context = JsonInput.RequiredString(root, "@context", path);
        if (!context.StartsWith("https://openvex.dev/ns", StringComparison.Ordinal))
        {
            throw new StrataException($"{path}.@context: '{context}' is not an OpenVEX namespace (https://openvex.dev/ns/…)");
        }
        JsonInput.RequiredString(root, "@id", path);
        JsonInput.RequiredString(root, "author", path);
        var timestamp = Time(JsonInput.RequiredString(root, "timestamp", path), $"{path}.timestamp");
        if (!root.TryGetProperty("statements", out _))
        {
            throw new StrataException($"{path}.statements: missing");
        }
        var statements = JsonInput.Array(root, "statements", path)
            .Select((s, i) => Statement(s, $"{path}.statements[{i}]", timestamp))
            .ToList();
        return new VexDocument(path, statements);
    }

    private static VexStatement Statement(JsonElement element, string where, DateTimeOffset documentTime)
    {
        JsonInput.RequireObject(element, where);
        var (name, aliases) = Vulnerability(element, where);
        var products = JsonInput.Array(element, "products", where).Select((p, i) => Product(p, $"{where}.products[{i}]")).ToList();
        // v0.0.x put subcomponents beside the products, as plain strings.
        var loose = JsonInput.Array(element, "subcomponents", where).Select((s, i) => Identifiers(s, $"{where}.subcomponents[{i}]")).SelectMany(x => x).ToList();
        if (loose.Count > 0)
        {
            products = products.Select(p => p with { Subcomponents = [.. p.Subcomponents, .. loose] }).ToList();
        }
        if (products.Count == 0)
        {
            throw new StrataException($"{where}.products: missing or empty");
        }
        var status = JsonInput.RequiredString(element, "status", where);
        if (!VexStatus.All.Contains(status))
        {
            throw new StrataException($"{where}.status: '{status}' is not one of {string.Join(", ", VexStatus.All.Order(StringComparer.Ordinal))}");
        }
        var justification = JsonInput.String(element, "justification", where);
        var impact = JsonInput.String(element, "impact_statement", where);
        if (justification is not null && !VexStatus.Justifications.Contains(justification))
        {
            throw new StrataException($"{where}.justification: '{justification}' is not one of {string.Join(", ", VexStatus.Justifications.Order(StringComparer.Ordinal))}");
        }
        if (status == VexStatus.NotAffected && string.IsNullOrWhiteSpace(justification) && string.IsNullOrWhiteSpace(impact))
        {
            throw new StrataException($"{where}: a not_affected statement needs a justification or an impact_statement");
        }
        var own = JsonInput.String(element, "timestamp", where);
        return new VexStatement(name, aliases, products.SelectMany(p => p.Identifiers).ToList(), status, justification, impact)
        {
            ProductEntries = products,
            Timestamp = own is null ? documentTime : Time(own, $"{where}.timestamp"),
        };
    }

    /// <summary>v0.2.0's <c>{"name", "@id", "aliases"}</c>, or v0.0.x's plain string.</summary>
    private static (string Name, IReadOnlyList<string> Aliases) Vulnerability(JsonElement statement, string where)
    {
        if (!statement.TryGetProperty("vulnerability", out var vulnerability))
        {
            throw new StrataException($"{where}.vulnerability: missing");
        }
        var at = $"{where}.vulnerability";
        if (vulnerability.ValueKind == JsonValueKind.String)
        {
            return (vulnerability.GetString() is { Length: > 0 } plain ? plain : throw new StrataException($"{at}: empty"), []);
        }
        if (vulnerability.ValueKind != JsonValueKind.Object)
        {
            throw new StrataException($"{at}: expected an object or a string, found {JsonInput.Kind(vulnerability)}");
        }
        var name = JsonInput.RequiredString(vulnerability, "name", at);
        var aliases = JsonInput.Array(vulnerability, "aliases", at)
            .Select((a, i) => a.ValueKind == JsonValueKind.String ? a.GetString()! : throw new StrataException($"{at}.aliases[{i}]: expected a string, found {JsonInput.Kind(a)}"))
            .Where(a => a.Length > 0)
            .ToList();
        return (name, aliases);
    }

    private static VexProduct Product(JsonElement element, string where)
    {
        var identifiers = Identifiers(element, where);
        var subcomponents = element.ValueKind == JsonValueKind.Object
            ? JsonInput.Array(element, "subcomponents", where).SelectMany((s, i) => Identifiers(s, $"{where}.subcomponents[{i}]")).ToList()
            : [];
        return new VexProduct(identifiers, subcomponents);
    }

    /// <summary>A component's <c>@id</c> and <c>identifiers</c> (purl, cpe23, cpe22), or a plain string; at least one is required.</summary>
    private static IReadOnlyList<string> Identifiers(JsonElement element, string where)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString() is { Length: > 0 } plain ? [plain] : throw new StrataException($"{where}: empty");
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new StrataException($"{where}: expected an object or a string, found {JsonInput.Kind(element)}");
        }
        var found = new List<string>();
        if (JsonInput.String(element, "@id", where) is { Length: > 0 } id)
        {
            found.Add(id);
        }
        if (JsonInput.Object(element, "identifiers", where) is { } identifiers)
        {
            foreach (var kind in (string[])["purl", "cpe23", "cpe22"])
            {
                if (JsonInput.String(identifiers, kind, $"{where}.identifiers") is { Length: > 0 } value)
                {
                    found.Add(value);
                }
            }
        }
        return found.Count > 0 ? found.Distinct(StringComparer.Ordinal).ToList() : throw new StrataException($"{where}: neither @id nor identifiers");
    }

    private static DateTimeOffset Time(string text, string where) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new StrataException($"{where}: '{text}' is not an RFC 3339 time");
}
