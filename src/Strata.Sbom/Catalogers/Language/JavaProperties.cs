namespace Strata.Sbom.Catalogers.Language;

/// <summary>A Java properties file's <c>key=value</c> (or <c>key: value</c>) lines; comments start with # or !.</summary>
internal static class JavaProperties
{
    public static Dictionary<string, string> Parse(string text)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }
            var separator = line.IndexOfAny(['=', ':']);
            if (separator <= 0)
            {
                continue;
            }
            properties.TryAdd(line[..separator].Trim(), line[(separator + 1)..].Trim());
        }
        return properties;
    }
}
