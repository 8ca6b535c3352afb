using Strata.Vulnerabilities.Matching;

namespace Strata.Vulnerabilities.Scanning;

/// <summary>
/// Places a finding in the image: the file its package was found in, the layer that brought it (the package's first
/// location, which the catalogers set to the layer that introduced it), that layer's created_by, and whether the
/// layer is one of the base image's. A package with no location (from a foreign SBOM) is placed nowhere.
/// </summary>
public static class FindingPlacement
{
    public static ScanFinding Place(Finding finding, int? baseLayers)
    {
        var location = finding.Package.Locations.FirstOrDefault();
        if (location is null)
        {
            return new ScanFinding(finding, null, null, null, false);
        }
        var inBase = baseLayers is { } count && location.Layer >= 0 && location.Layer < count;
        return new ScanFinding(finding, location.Path, location.Layer, location.CreatedBy, inBase);
    }
}
