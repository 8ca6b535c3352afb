namespace Strata.Vulnerabilities.Osv;

/// <summary>OSV's ecosystem strings: a base name, optionally followed by <c>:</c> and a release.</summary>
public static class OsvEcosystem
{
    public static string Base(string ecosystem)
    {
        var colon = ecosystem.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? ecosystem : ecosystem[..colon];
    }

    public static string? Release(string ecosystem)
    {
        var colon = ecosystem.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : ecosystem[(colon + 1)..];
    }
}
