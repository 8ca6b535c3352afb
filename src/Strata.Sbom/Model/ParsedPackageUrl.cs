namespace Strata.Sbom.Model;

/// <summary>
/// A package URL taken apart as the purl specification reads one: <c>pkg:type/namespace/name@version?qualifiers#subpath</c>,
/// each component percent-decoded, the type and qualifier keys lower-cased.
/// </summary>
public sealed record ParsedPackageUrl(string Type, string? Namespace, string Name, string? Version, IReadOnlyDictionary<string, string> Qualifiers, string? Subpath)
{
    /// <summary>The purl's parts, or null when the text is not a package URL.</summary>
    public static ParsedPackageUrl? TryParse(string? text)
    {
        if (text is null || !text.StartsWith("pkg:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var rest = text[4..].TrimStart('/');
        string? subpath = null;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            subpath = Decode(rest[(hash + 1)..].Trim('/'));
            rest = rest[..hash];
        }
        var qualifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            foreach (var pair in rest[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    return null;
                }
                var value = Decode(pair[(equals + 1)..]);
                if (value.Length > 0)
                {
                    qualifiers[pair[..equals].ToLowerInvariant()] = value;
                }
            }
            rest = rest[..question];
        }
        string? version = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0 && at > rest.LastIndexOf('/'))
        {
            version = Decode(rest[(at + 1)..]);
            rest = rest[..at];
        }
        var segments = rest.Trim('/').Split('/');
        if (segments.Length < 2 || segments[0].Length == 0 || segments[^1].Length == 0)
        {
            return null;
        }
        var @namespace = segments.Length > 2 ? string.Join('/', segments[1..^1].Select(Decode)) : null;
        return new ParsedPackageUrl(segments[0].ToLowerInvariant(), @namespace, Decode(segments[^1]), version is { Length: > 0 } ? version : null, qualifiers, subpath);
    }

    public string? Qualifier(string key) => Qualifiers.TryGetValue(key, out var value) ? value : null;

    private static string Decode(string text) => Uri.UnescapeDataString(text);
}
