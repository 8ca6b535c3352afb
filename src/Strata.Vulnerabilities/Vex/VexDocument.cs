namespace Strata.Vulnerabilities.Vex;

/// <summary>
/// A product a statement speaks of: its identifiers (the <c>@id</c> and <c>identifiers.purl</c>; purls where given)
/// and the subcomponents (package purls) inside it the statement is about.
/// </summary>
public sealed record VexProduct(IReadOnlyList<string> Identifiers, IReadOnlyList<string> Subcomponents);

/// <summary>One OpenVEX statement: the vulnerability (ID and aliases), the products' package URLs, status and justification.</summary>
public sealed record VexStatement(string Vulnerability, IReadOnlyList<string> VulnerabilityAliases, IReadOnlyList<string> Products, string Status, string? Justification, string? ImpactStatement)
{
    /// <summary>The products with their subcomponents; <see cref="Products"/> lists their identifiers flat.</summary>
    public IReadOnlyList<VexProduct> ProductEntries { get; init; } = [];

    /// <summary>The statement's own timestamp, else its document's: the later of two statements on the same thing wins.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Whether this statement, when it is the one that holds, suppresses the finding.</summary>
    public bool Suppresses => Status is VexStatus.NotAffected or VexStatus.Fixed;
}

/// <summary>An OpenVEX document (https://github.com/openvex/spec), read from a file.</summary>
public sealed record VexDocument(string Path, IReadOnlyList<VexStatement> Statements)
{
    /// <summary>Reads an OpenVEX JSON file; a malformed one is a StrataException naming the file and field.</summary>
    public static VexDocument Load(string path) => VexReader.Read(path);
}
