using Strata.Sbom.Model;
using Strata.Vulnerabilities.Matching;

namespace Strata.Vulnerabilities.Scanning;

/// <summary>
/// Places a finding in the image: the file its package was found in, the layer that brought it (the catalogers set
/// each location's layer to the one that introduced it), that layer's created_by, and whether the layer is one of the
/// base image's. A package found in several places is in the base image only when every place is; otherwise it is
/// placed at its first place outside the base, so --ignore-base never hides a copy the image's own layers carry.
/// A package with no location (from a foreign SBOM) is placed nowhere.
/// </summary>
public static class FindingPlacement
{
    public static ScanFinding Place(Finding finding, int? baseLayers)
    {
        var locations = finding.Package.Locations;
        if (locations.Count == 0)
        {
            return new ScanFinding(finding, null, null, null, false);
        }
        bool InBase(PackageLocation l) => baseLayers is { } count && l.Layer >= 0 && l.Layer < count;
        var outside = locations.FirstOrDefault(l => !InBase(l));
        var location = outside ?? locations[0];
        return new ScanFinding(finding, location.Path, location.Layer, location.CreatedBy, outside is null);
    }
}
