using Strata.Sbom.Model;
using Strata.Vulnerabilities.Scanning;

namespace Strata.Vulnerabilities.Vex;

/// <summary>
/// Whether a VEX product identifier is the scanned image: a <c>pkg:oci</c> or <c>pkg:docker</c> purl whose version is
/// the image's manifest or config digest, or, with no version, whose name is the last part of the image's repository.
/// </summary>
internal static class ImageProduct
{
    public static bool Names(string identifier, ScanTarget target)
    {
        if (ParsedPackageUrl.TryParse(identifier) is not { Type: "oci" or "docker" } purl)
        {
            return false;
        }
        if (purl.Version is { } version)
        {
            return string.Equals(version, target.ManifestDigest, StringComparison.OrdinalIgnoreCase)
                || string.Equals(version, target.ConfigDigest, StringComparison.OrdinalIgnoreCase);
        }
        return string.Equals(purl.Name, RepositoryName(target.Name), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary><c>registry.example.com/team/app:1.0</c> → <c>app</c>.</summary>
    private static string RepositoryName(string image)
    {
        var text = image;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            text = text[..at];
        }
        var slash = text.LastIndexOf('/');
        var last = slash >= 0 ? text[(slash + 1)..] : text;
        var colon = last.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? last[..colon] : last;
    }
}
