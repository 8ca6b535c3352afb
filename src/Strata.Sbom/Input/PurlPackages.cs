using Strata.Sbom.Model;

namespace Strata.Sbom.Input;

/// <summary>
/// What a package URL says about a package, in Strata's terms: the ecosystem (Strata's cataloger names, from the purl
/// type), the name as Strata's catalogers write it (Maven <c>group:artifact</c>, npm <c>@scope/name</c>, Go and
/// Composer <c>namespace/name</c>), the version with a deb or rpm <c>epoch</c> qualifier put back in front, the
/// source package from syft's <c>upstream</c> qualifier (<c>upstream=glibc</c> or <c>glibc@2.36-9</c>), and the OS from
/// the <c>distro</c> qualifier (<c>debian-12</c>, <c>alpine-3.20.3</c>).
/// </summary>
internal static class PurlPackages
{
    private static readonly Dictionary<string, string> Ecosystems = new(StringComparer.Ordinal)
    {
        ["deb"] = "dpkg", ["apk"] = "apk", ["rpm"] = "rpm", ["npm"] = "npm", ["pypi"] = "python", ["maven"] = "java",
        ["golang"] = "go", ["nuget"] = "dotnet", ["cargo"] = "rust", ["gem"] = "ruby", ["composer"] = "php",
    };

    /// <summary>Strata's ecosystem for a purl type, or null for a type no cataloger of Strata's produces.</summary>
    public static string? Ecosystem(string type) => Ecosystems.GetValueOrDefault(type);

    public static string Name(ParsedPackageUrl purl) => purl.Namespace is not { Length: > 0 } ns ? purl.Name : purl.Type switch
    {
        "maven" => $"{ns}:{purl.Name}",
        "deb" or "apk" or "rpm" or "pypi" or "nuget" or "cargo" or "gem" => purl.Name,
        _ => $"{ns}/{purl.Name}",
    };

    /// <summary>The version as the package manager writes it: the purl's (or the document's), with the epoch in front for deb and rpm.</summary>
    public static string Version(ParsedPackageUrl purl, string? documentVersion)
    {
        var version = documentVersion is { Length: > 0 } given ? given : purl.Version ?? "";
        if (purl.Type is "deb" or "rpm" && purl.Qualifier("epoch") is { Length: > 0 } epoch && epoch != "0"
            && !version.StartsWith(epoch + ":", StringComparison.Ordinal) && version.Length > 0)
        {
            return $"{epoch}:{version}";
        }
        return version;
    }

    public static (string? Name, string? Version) Upstream(ParsedPackageUrl purl)
    {
        if (purl.Qualifier("upstream") is not { Length: > 0 } upstream)
        {
            return (null, null);
        }
        var at = upstream.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? (upstream[..at], upstream[(at + 1)..]) : (upstream, null);
    }

    /// <summary><c>debian-12</c> → (debian, 12); <c>opensuse-leap-15.5</c> → (opensuse-leap, 15.5): the last '-' before a digit splits.</summary>
    public static OsInfo? Distro(ParsedPackageUrl purl)
    {
        if (purl.Qualifier("distro") is not { Length: > 0 } distro)
        {
            return null;
        }
        for (var i = distro.Length - 2; i > 0; i--)
        {
            if (distro[i] == '-' && char.IsAsciiDigit(distro[i + 1]))
            {
                return new OsInfo(distro[..i], distro[(i + 1)..], null, null);
            }
        }
        return new OsInfo(distro, "", null, null);
    }
}
