namespace Strata.Sbom.Catalogers.Language;

/// <summary>
/// A jar's <c>META-INF/MANIFEST.MF</c>: <c>Name: value</c> attributes, continued on lines that start with one space,
/// in a main section and per-entry sections after blank lines. Lookups prefer the main section.
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
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                (section, last) = (null, null);
                continue;
            }
            if (line[0] == ' ')
            {
                if (section is not null && last is not null)
                {
                    section[last] += line[1..];
                }
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                last = null;
                continue;
            }
            if (section is null)
            {
                manifest._sections.Add(section = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
            }
            last = line[..colon].Trim();
            if (!section.TryAdd(last, line[(colon + 1)..].Trim()))
            {
                last = null;
            }
        }
        return manifest;
    }
}
