namespace Strata.Sbom.Catalogers;

/// <summary>One paragraph of a Debian control file: its fields (names compared case-insensitively) and where it starts.</summary>
internal sealed record ControlParagraph(int Line, IReadOnlyDictionary<string, string> Fields, string? Malformed)
{
    public string? this[string field] => Fields.TryGetValue(field, out var value) ? value : null;
}

/// <summary>
/// Reads Debian control-file paragraphs (dpkg's status and status.d files, opkg's status): <c>Field: value</c> lines,
/// continuation lines starting with a space or tab, paragraphs separated by blank lines.
/// </summary>
internal static class ControlFile
{
    public static List<ControlParagraph> Parse(string text)
    {
        var paragraphs = new List<ControlParagraph>();
        Dictionary<string, string>? fields = null;
        string? current = null;
        string? malformed = null;
        var start = 0;
        var number = 0;
        void Close()
        {
            if (fields is not null)
            {
                paragraphs.Add(new ControlParagraph(start, fields, malformed));
            }
            fields = null;
            current = null;
            malformed = null;
        }
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                Close();
                continue;
            }
            if (fields is null)
            {
                fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                start = number;
            }
            if (line[0] is ' ' or '\t')
            {
                if (current is null)
                {
                    malformed ??= $"line {number} continues no field";
                }
                else
                {
                    fields[current] += "\n" + line.Trim();
                }
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                malformed ??= $"line {number} is not 'Field: value'";
                current = null;
                continue;
            }
            current = line[..colon].Trim();
            fields[current] = line[(colon + 1)..].Trim();
        }
        Close();
        return paragraphs;
    }
}
