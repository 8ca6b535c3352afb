using System.Text;

namespace Strata.Sbom.Catalogers.Language;

/// <summary>
/// A jar's <c>META-INF/MANIFEST.MF</c>: <c>Name: value</c> attributes, continued on lines that start with one space,
/// in a main section and per-entry sections after blank lines. Lookups prefer the main section. Linear in the text:
/// continuation lines are gathered in one builder.
/// </summary>
internal sealed class JarManifest
{
    private readonly List<Dictionary<string, string>> _sections = [];

    public string? this[string name] =>
        _sections.Select(s => s.GetValueOrDefault(name)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    public static JarManifest Parse(string text)
    {
        var manifest = new JarManifest();
        Dictionary<string, string>? section = null;
        string? last = null;
        var value = new StringBuilder();
        void EndValue()
        {
            if (last is not null)
            {
                section![last] = value.ToString();
            }
            last = null;
            value.Clear();
        }
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).TrimEnd('\r');
            if (line.IsEmpty)
            {
                EndValue();
                section = null;
                continue;
            }
            if (line[0] == ' ')
            {
                if (last is not null)
                {
                    value.Append(line[1..]);
                }
                continue;
            }
            EndValue();
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }
            if (section is null)
            {
                manifest._sections.Add(section = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
            }
            var name = line[..colon].Trim().ToString();
            // The first of two attributes with one name wins.
            if (section.TryAdd(name, ""))
            {
                last = name;
                value.Append(line[(colon + 1)..].Trim());
            }
        }
        EndValue();
        return manifest;
    }
}
