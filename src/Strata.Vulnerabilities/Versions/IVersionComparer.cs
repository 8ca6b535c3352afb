namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// The version ordering of one ecosystem. Total: any two strings compare, and a string the ecosystem would refuse
/// still gets a stable place (so a malformed advisory cannot make matching throw).
/// </summary>
public interface IVersionComparer : IComparer<string>
{
    /// <summary>The OSV ecosystem names this comparer serves (<c>Debian</c>, <c>Ubuntu</c>, <c>npm</c> …).</summary>
    IReadOnlyList<string> Ecosystems { get; }

    /// <summary>False for a string that is not a version of this ecosystem (the matcher then skips the range).</summary>
    bool IsValid(string version);
}
