using System.Text;

namespace Strata.Sbom.Model;

/// <summary>Builds package URLs as the purl specification writes them: <c>pkg:type/namespace/name@version?qualifiers</c>.</summary>
public static class PackageUrl
{
    public static string Create(string type, string? @namespace, string name, string? version, IEnumerable<KeyValuePair<string, string?>>? qualifiers = null)
    {
        var builder = new StringBuilder("pkg:").Append(type).Append('/');
        if (!string.IsNullOrEmpty(@namespace))
        {
            builder.Append(string.Join('/', @namespace.Split('/').Select(Encode))).Append('/');
        }
        builder.Append(Encode(name));
        if (!string.IsNullOrEmpty(version))
        {
            builder.Append('@').Append(EncodeVersion(version));
        }
        var present = (qualifiers ?? []).Where(q => !string.IsNullOrEmpty(q.Value)).OrderBy(q => q.Key, StringComparer.Ordinal).ToList();
        if (present.Count > 0)
        {
            builder.Append('?').Append(string.Join('&', present.Select(q => $"{q.Key}={Encode(q.Value!)}")));
        }
        return builder.ToString();
    }

    /// <summary>
    /// A version as the examples and the peer tools (Trivy, packageurl-go) write it: like any component,
    /// but with <c>+</c> kept (<c>libc6@2.36-9+deb12u14</c>), so purls compare equal across tools.
    /// </summary>
    public static string EncodeVersion(string version) => Encode(version).Replace("%2B", "+", StringComparison.Ordinal);

    /// <summary>
    /// Percent-encodes a component as the purl specification's character-encoding rules say: UTF-8 bytes, all but
    /// the alphanumerics and <c>.-_~</c> encoded, and the colon never encoded (so <c>+</c> is <c>%2B</c>, <c>@</c> is
    /// <c>%40</c>, and a Debian epoch stays <c>1:2.5.1-4</c>).
    /// </summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or ':')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }

    /// <summary>The purl without its qualifiers and subpath (for comparing with other tools).</summary>
    public static string WithoutQualifiers(string purl)
    {
        var end = purl.IndexOfAny(['?', '#']);
        return end < 0 ? purl : purl[..end];
    }
}
