using Strata.Sbom.Model;

namespace Strata.Vulnerabilities.Vex;

/// <summary>
/// Whether a VEX statement's purl covers a package's purl. OpenVEX names products by purl and leaves matching to the
/// purl's own meaning, as its reference implementation (go-vex) does: the statement's purl may be less specific than
/// the package's. Type, namespace and name must agree (type and namespace case-insensitively); a version, qualifier
/// or subpath the statement gives must be present and equal in the package's purl (qualifiers in any order), and
/// what the statement leaves out matches anything: <c>pkg:npm/lodash</c> covers every lodash,
/// <c>pkg:deb/debian/libc6@2.36-9?arch=amd64</c> covers that version on amd64 whatever its distro qualifier.
/// </summary>
internal static class PurlMatch
{
    public static bool Covers(string statementPurl, string packagePurl)
    {
        if (ParsedPackageUrl.TryParse(statementPurl) is not { } statement || ParsedPackageUrl.TryParse(packagePurl) is not { } package)
        {
            return false;
        }
        if (statement.Type != package.Type
            || !string.Equals(statement.Namespace ?? "", package.Namespace ?? "", StringComparison.OrdinalIgnoreCase)
            || !string.Equals(statement.Name, package.Name, NameComparison(statement.Type)))
        {
            return false;
        }
        if (statement.Version is { } version && !VersionEquals(version, package))
        {
            return false;
        }
        if (statement.Subpath is { } subpath && !string.Equals(subpath, package.Subpath, StringComparison.Ordinal))
        {
            return false;
        }
        return statement.Qualifiers.All(q => package.Qualifier(q.Key) == q.Value);
    }

    /// <summary>The purl types whose names the specification says are case-insensitive (lower-cased when written).</summary>
    private static StringComparison NameComparison(string type) =>
        type is "deb" or "apk" or "pypi" or "npm" or "golang" or "github" or "bitbucket" or "composer" or "nuget"
            ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal;

    /// <summary>Equal as written, or with the package's <c>epoch</c> qualifier written before it (<c>1:2.5.1-4</c>).</summary>
    private static bool VersionEquals(string version, ParsedPackageUrl package) =>
        string.Equals(version, package.Version, StringComparison.Ordinal)
        || (package.Qualifier("epoch") is { } epoch && string.Equals(version, $"{epoch}:{package.Version}", StringComparison.Ordinal));
}
