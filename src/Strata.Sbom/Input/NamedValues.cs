using System.Globalization;
using Strata.Images;
using Strata.Sbom.Model;
using Strata.Sbom.Output;

namespace Strata.Sbom.Input;

/// <summary>
/// Name-value pairs read from an SBOM (CycloneDX properties, SPDX annotations), each name's values in document order,
/// and the package facts Strata's own writers keep in them (<see cref="StrataProperties"/>).
/// </summary>
internal sealed class NamedValues
{
    private readonly Dictionary<string, List<string?>> values = new(StringComparer.Ordinal);

    public void Add(string name, string? value)
    {
        if (!values.TryGetValue(name, out var list))
        {
            values[name] = list = [];
        }
        list.Add(value);
    }

    public IReadOnlyList<string?> All(string name) => values.TryGetValue(name, out var list) ? list : [];

    public string? First(string name) => All(name).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    /// <summary>Strata's locations: the n-th path, layer index, diff_id and created_by make the n-th location.</summary>
    public IReadOnlyList<PackageLocation> StrataLocations(string where)
    {
        var paths = All(StrataProperties.LocationPath);
        var layers = All(StrataProperties.LayerIndex);
        var diffIds = All(StrataProperties.LayerDiffId);
        var createdBy = All(StrataProperties.LayerCreatedBy);
        if (layers.Count != paths.Count || diffIds.Count != paths.Count || (createdBy.Count != paths.Count && createdBy.Count != 0))
        {
            throw new StrataException($"{where}: the {StrataProperties.LocationPath}, {StrataProperties.LayerIndex}, {StrataProperties.LayerDiffId} and {StrataProperties.LayerCreatedBy} entries do not pair up");
        }
        var locations = new List<PackageLocation>(paths.Count);
        for (var i = 0; i < paths.Count; i++)
        {
            if (!int.TryParse(layers[i], NumberStyles.None, CultureInfo.InvariantCulture, out var layer))
            {
                throw new StrataException($"{where}: {StrataProperties.LayerIndex} '{layers[i]}' is not a layer number");
            }
            locations.Add(new PackageLocation(paths[i] ?? "", layer, diffIds[i] ?? "", createdBy.Count == 0 ? null : createdBy[i]));
        }
        return locations;
    }
}
