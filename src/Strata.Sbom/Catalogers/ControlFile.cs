using System.Text;

namespace Strata.Sbom.Catalogers;

/// <summary>One paragraph of a Debian control file: its fields (names compared case-insensitively) and where it starts.</summary>
internal sealed record ControlParagraph(int Line, IReadOnlyDictionary<string, string> Fields, string? Malformed)
{
    public string? this[string field] => Fields.TryGetValue(field, out var value) ? value : null;
}

/// <summary>
/// Reads Debian control-file paragraphs (dpkg's status and status.d files, opkg's status): <c>Field: value</c> lines,
/// continuation lines starting with a space or tab, paragraphs separated by blank lines. Linear in the text: a
/// field's continuation lines are gathered in one builder, never by concatenating strings.
/// </summary>
internal static class ControlFile
{
    public static List<ControlParagraph> Parse(string text)
    {
        var paragraphs = new List<ControlParagraph>();
        ParseEach(text, paragraphs.Add);
        return paragraphs;
    }

    /// <summary>
    /// Hands each paragraph to <paramref name="each"/> as it is read, none kept: a status file of tens of thousands of
    /// stanzas is read without holding them all.
    /// </summary>
    public static void ParseEach(string text, Action<ControlParagraph> each)
    {
        Dictionary<string, string>? fields = null;
        string? current = null;
        var value = new StringBuilder();
        string? malformed = null;
        var start = 0;
        var number = 0;
        void EndField()
        {
            if (current is not null)
            {
                fields![current] = value.ToString();
            }
            current = null;
            value.Clear();
        }
        void Close()
        {
            EndField();
            if (fields is not null)
            {
                each(new ControlParagraph(start, fields, malformed));
            }
            fields = null;
            malformed = null;
        }
        foreach (var range in text.AsSpan().Split('\n'))
        {
            number++;
            var line = text.AsSpan(range).TrimEnd('\r');
            if (line.Trim().IsEmpty)
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
                    value.Append('\n').Append(line.Trim());
                }
                continue;
            }
            EndField();
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                malformed ??= $"line {number} is not 'Field: value'";
                continue;
            }
            current = line[..colon].Trim().ToString();
            value.Append(line[(colon + 1)..].Trim());
        }
        Close();
    }
}
