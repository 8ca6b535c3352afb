namespace Strata.Sbom.Catalogers.Language;

/// <summary>
/// The header fields of a Python core metadata file (METADATA, PKG-INFO): <c>Key: value</c> lines up to the first
/// blank line, continuation lines indented, names case-insensitive; lines that are neither are ignored.
/// </summary>
internal sealed class PythonMetadata
{
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.OrdinalIgnoreCase);

    public bool IsEmpty => _fields.Count == 0;

    /// <summary>The field's first value, or null when it is missing or blank.</summary>
    public string? First(string name) =>
        _fields.TryGetValue(name, out var values) && values.FirstOrDefault(v => v.Length > 0) is { } value ? value : null;

    public IReadOnlyList<string> All(string name) => _fields.TryGetValue(name, out var values) ? values : [];

    public static PythonMetadata Parse(string text)
    {
        var metadata = new PythonMetadata();
        List<string>? last = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                if (!metadata.IsEmpty)
                {
                    break;
                }
                continue;
            }
            if (line[0] is ' ' or '\t')
            {
                if (last is not null)
                {
                    last[^1] = (last[^1] + "\n" + line.Trim()).Trim();
                }
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? line[..colon] : "";
            if (name.Length == 0 || name.Contains(' ', StringComparison.Ordinal))
            {
                last = null;
                continue;
            }
            if (!metadata._fields.TryGetValue(name, out last))
            {
                metadata._fields[name] = last = [];
            }
            last.Add(line[(colon + 1)..].Trim());
        }
        return metadata;
    }
}
