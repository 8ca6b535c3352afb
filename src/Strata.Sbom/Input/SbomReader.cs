using Strata.Images;
using Strata.Sbom.Model;

namespace Strata.Sbom.Input;

/// <summary>
/// Reads a CycloneDX or SPDX JSON SBOM (Strata's, syft's, Trivy's) back into packages, so <c>strata scan sbom:FILE</c>
/// can match them. Strata's own SBOMs keep each package's layer, diff_id and created_by. The format is told by the
/// content (<c>bomFormat</c> or <c>spdxVersion</c>), not the file name.
/// </summary>
public static class SbomReader
{
    /// <summary>Big enough for an SBOM of tens of thousands of packages; the whole document is held while it is read.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    public static SbomDocument Read(string path)
    {
        using var json = JsonInput.Load(path, MaxBytes, "SBOM");
        var root = json.RootElement;
        JsonInput.RequireObject(root, $"{path}: the document");
        if (JsonInput.String(root, "bomFormat", path) is { } format)
        {
            return format == "CycloneDX"
                ? CycloneDxReader.Read(root, path)
                : throw new StrataException($"{path}.bomFormat: '{format}' is not CycloneDX");
        }
        if (root.TryGetProperty("spdxVersion", out _))
        {
            return SpdxReader.Read(root, path);
        }
        throw new StrataException($"{path}: neither a CycloneDX SBOM (no bomFormat) nor an SPDX one (no spdxVersion)");
    }
}
