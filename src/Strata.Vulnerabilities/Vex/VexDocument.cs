namespace Strata.Vulnerabilities.Vex;

/// <summary>One OpenVEX statement: the vulnerability (ID and aliases), the products' package URLs, status and justification.</summary>
public sealed record VexStatement(string Vulnerability, IReadOnlyList<string> VulnerabilityAliases, IReadOnlyList<string> Products, string Status, string? Justification, string? ImpactStatement);

/// <summary>An OpenVEX document (https://github.com/openvex/spec), read from a file.</summary>
public sealed record VexDocument(string Path, IReadOnlyList<VexStatement> Statements)
{
    /// <summary>Reads an OpenVEX JSON file; a malformed one is a StrataException naming the file and field.</summary>
    public static VexDocument Load(string path) => throw new NotImplementedException(path);
}
