using System.Text;

namespace Strata.Sbom.Catalogers.Language;

/// <summary>
/// The header fields of a Python core metadata file (METADATA, PKG-INFO): <c>Key: value</c> lines up to the first
/// blank line, continuation lines indented, names case-insensitive; lines that are neither are ignored. Linear in
/// the text: continuation lines are gathered in one builder.
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
        var value = new StringBuilder();
        void EndValue()
        {
            if (last is not null)
            {
                last.Add(value.ToString().Trim());
            }
            last = null;
            value.Clear();
        }
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).TrimEnd('\r');
            if (line.Trim().IsEmpty)
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
                    value.Append('\n').Append(line.Trim());
                }
                continue;
            }
            EndValue();
            var colon = line.IndexOf(':');
            var name = colon > 0 ? line[..colon] : [];
            if (name.IsEmpty || name.Contains(' '))
            {
                continue;
            }
            var key = name.ToString();
            if (!metadata._fields.TryGetValue(key, out last))
            {
                metadata._fields[key] = last = [];
            }
            value.Append(line[(colon + 1)..].Trim());
        }
        EndValue();
        return metadata;
    }
}
