using System.Globalization;
using System.Text.Json;
using Strata.Images;

namespace Strata.Vulnerabilities.Osv;

/// <summary>
/// Reads one OSV record from JSON. Fields Strata does not use are skipped; a field of the wrong JSON type, or a record
/// without an id, is an error naming the source and the field.
/// </summary>
public static class OsvParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static OsvRecord Parse(ReadOnlyMemory<byte> json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new StrataException($"{source}: not an OSV record: {e.Message}");
        }
        using (document)
        {
            return Read(document.RootElement, source);
        }
    }

    public static OsvRecord Read(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new StrataException($"{source}: not an OSV record: the top level is not a JSON object");
        }
        var id = String(root, "id", source) ?? throw new StrataException($"{source}: not an OSV record: field 'id' is missing");
        if (id.Length == 0)
        {
            throw new StrataException($"{source}: not an OSV record: field 'id' is empty");
        }
        var where = $"{source} ({id})";
        return new OsvRecord
        {
            Id = id,
            Aliases = Strings(root, "aliases", where),
            Related = Strings(root, "related", where),
            Upstream = Strings(root, "upstream", where),
            Modified = Time(root, "modified", where),
            Published = Time(root, "published", where),
            Withdrawn = Time(root, "withdrawn", where),
            Summary = String(root, "summary", where),
            Details = String(root, "details", where),
            Severity = Severities(root, "severity", where),
            Affected = Array(root, "affected", where).Select((a, i) => Affected(a, $"{where}: affected[{i}]")).ToList(),
            References = Array(root, "references", where).Select(r => r.ValueKind == JsonValueKind.Object ? String(r, "url", where) : null)
                .OfType<string>().ToList(),
            DatabaseSeverity = Object(root, "database_specific") is { } specific ? Text(specific, "severity") : null,
        };
    }

    private static OsvAffected Affected(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new StrataException($"{where}: not a JSON object");
        }
        var package = Object(element, "package");
        var ecosystem = package is { } p ? String(p, "ecosystem", where) : null;
        var name = package is { } q ? String(q, "name", where) : null;
        var purl = package is { } r ? String(r, "purl", where) : null;
        var ecosystemSpecific = Object(element, "ecosystem_specific");
        var databaseSpecific = Object(element, "database_specific");
        return new OsvAffected
        {
            Package = new OsvPackage(ecosystem ?? "", name ?? "", purl),
            Ranges = Array(element, "ranges", where).Select((r, i) => Range(r, $"{where}: ranges[{i}]")).ToList(),
            Versions = Strings(element, "versions", where),
            Severity = Severities(element, "severity", where),
            DistroSeverity = (ecosystemSpecific is { } e ? Text(e, "urgency") ?? Text(e, "severity") : null)
                ?? (databaseSpecific is { } d ? Text(d, "severity") ?? Text(d, "urgency") : null),
            Imports = ecosystemSpecific is { } g && g.TryGetProperty("imports", out var imports) && imports.ValueKind == JsonValueKind.Array
                ? imports.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(i => Text(i, "path")).OfType<string>().ToList()
                : [],
        };
    }

    private static OsvRange Range(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new StrataException($"{where}: not a JSON object");
        }
        var type = String(element, "type", where) ?? throw new StrataException($"{where}: field 'type' is missing");
        var events = Array(element, "events", where).Select((e, i) =>
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw new StrataException($"{where}: events[{i}]: not a JSON object");
            }
            var at = $"{where}: events[{i}]";
            return new OsvEvent(String(e, "introduced", at), String(e, "fixed", at), String(e, "last_affected", at), String(e, "limit", at));
        }).ToList();
        return new OsvRange(type, events);
    }

    private static IReadOnlyList<OsvSeverity> Severities(JsonElement parent, string name, string where) =>
        Array(parent, name, where)
            .Where(s => s.ValueKind == JsonValueKind.Object)
            .Select(s => (Type: Text(s, "type"), Score: Text(s, "score")))
            .Where(s => s.Type is not null && s.Score is not null)
            .Select(s => new OsvSeverity(s.Type!, s.Score!))
            .ToList();

    private static IEnumerable<JsonElement> Array(JsonElement parent, string name, string where)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new StrataException($"{where}: field '{name}' is not an array");
        }
        return value.EnumerateArray();
    }

    private static IReadOnlyList<string> Strings(JsonElement parent, string name, string where) =>
        Array(parent, name, where).Select(e => e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw new StrataException($"{where}: field '{name}' holds a value that is not a string")).ToList();

    private static JsonElement? Object(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    /// <summary>A string field, or null when absent; a field of another type is an error.</summary>
    private static string? String(JsonElement parent, string name, string where)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new StrataException($"{where}: field '{name}' is not a string");
    }

    /// <summary>A free-form field that should be a string; anything else is ignored.</summary>
    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement parent, string name, string where)
    {
        var text = String(parent, name, where);
        if (text is null)
        {
            return null;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new StrataException($"{where}: field '{name}' is not an RFC 3339 time: '{ShownText(text)}'");
    }

    private static string ShownText(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
