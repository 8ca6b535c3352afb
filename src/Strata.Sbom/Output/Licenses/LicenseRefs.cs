using System.Text;

namespace Strata.Sbom.Output.Licenses;

/// <summary>
/// One document's <c>LicenseRef-</c> identifiers for licence texts the SPDX list lacks: the same text always gets
/// the same identifier, different texts never share one (a clash after sanitising gets <c>-2</c>, <c>-3</c>, …).
/// </summary>
internal sealed class LicenseRefs
{
    private const int MaxIdLength = 64;
    private readonly Dictionary<string, string> _byText = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>The texts given identifiers so far, sorted by identifier.</summary>
    public IEnumerable<(string Id, string Text)> Extracted =>
        _byText.Select(p => (Id: p.Value, Text: p.Key)).OrderBy(p => p.Id, StringComparer.Ordinal);

    public string IdFor(string text)
    {
        if (_byText.TryGetValue(text, out var existing))
        {
            return existing;
        }
        var stem = "LicenseRef-" + Sanitise(text);
        var id = stem;
        for (var n = 2; !_used.Add(id); n++)
        {
            id = $"{stem}-{n}";
        }
        _byText.Add(text, id);
        return id;
    }

    /// <summary>Letters, digits and '.' kept; every other run of characters becomes one '-'.</summary>
    private static string Sanitise(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxIdLength));
        foreach (var c in text)
        {
            if (builder.Length >= MaxIdLength)
            {
                break;
            }
            if (char.IsAsciiLetterOrDigit(c) || c == '.')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        var id = builder.ToString().TrimEnd('-');
        return id.Length == 0 ? "unknown" : id;
    }
}
