using Strata.Sbom.Model;

namespace Strata.Sbom.Input;

/// <summary>
/// Reads a CycloneDX or SPDX JSON SBOM (Strata's, syft's, Trivy's) back into packages, so <c>strata scan sbom:FILE</c>
/// can match them. Strata's own SBOMs keep each package's layer, diff_id and created_by.
/// </summary>
public static class SbomReader
{
    public static SbomDocument Read(string path) => throw new NotImplementedException(path);
}
