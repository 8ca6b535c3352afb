namespace Strata.Images.Registry;

/// <summary>A parsed <c>WWW-Authenticate</c> header: its scheme and parameters (realm, service, scope).</summary>
public sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public string? Realm => Parameters.GetValueOrDefault("realm");

    public string? Service => Parameters.GetValueOrDefault("service");

    public string? Scope => Parameters.GetValueOrDefault("scope");

    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <c>Bearer realm="https://auth",service="registry",scope="repository:a:pull"</c>.</summary>
    public static AuthChallenge? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        header = header.Trim();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header : header[..space];
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = space < 0 ? header.Length : space + 1;
        while (i < header.Length)
        {
            while (i < header.Length && (header[i] == ' ' || header[i] == ','))
            {
                i++;
            }
            var equals = header.IndexOf('=', i);
            if (equals < 0)
            {
                break;
            }
            var key = header[i..equals].Trim();
            i = equals + 1;
            string value;
            if (i < header.Length && header[i] == '"')
            {
                var builder = new System.Text.StringBuilder();
                i++;
                while (i < header.Length && header[i] != '"')
                {
                    if (header[i] == '\\' && i + 1 < header.Length)
                    {
                        i++;
                    }
                    builder.Append(header[i]);
                    i++;
                }
                i++;
                value = builder.ToString();
            }
            else
            {
                var end = header.IndexOf(',', i);
                end = end < 0 ? header.Length : end;
                value = header[i..end].Trim();
                i = end;
            }
            parameters[key] = value;
        }
        return new AuthChallenge(scheme, parameters);
    }
}
