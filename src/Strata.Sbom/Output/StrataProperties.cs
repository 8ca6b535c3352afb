using System.Globalization;
using Strata.Sbom.Model;

namespace Strata.Sbom.Output;

/// <summary>
/// The facts Strata keeps in its standard-format SBOMs beyond what the formats have fields for, as name-value pairs
/// (CycloneDX properties, SPDX annotations), so <c>strata scan sbom:FILE</c> can read them back. Per location, in the
/// same order under each name: <c>strata:location:path</c>, <c>strata:layer:index</c>, <c>strata:layer:diffId</c>
/// and <c>strata:layer:createdBy</c> (no value when the layer has no history entry); OS packages add
/// <c>strata:package:sourceName</c> and <c>strata:package:sourceVersion</c>, and packages with a known architecture
/// (OS packages, Go binaries) <c>strata:package:architecture</c>.
/// </summary>
public static class StrataProperties
{
    public const string LocationPath = "strata:location:path";
    public const string LayerIndex = "strata:layer:index";
    public const string LayerDiffId = "strata:layer:diffId";
    public const string LayerCreatedBy = "strata:layer:createdBy";
    public const string SourceName = "strata:package:sourceName";
    public const string SourceVersion = "strata:package:sourceVersion";
    public const string Architecture = "strata:package:architecture";
    public const string ImageConfigDigest = "strata:image:configDigest";
    public const string ImagePlatform = "strata:image:platform";
    public const string OsVersionCodename = "strata:os:versionCodename";

    /// <summary>A package's pairs, sorted by name; the sort is stable, so equal names keep their order.</summary>
    public static IReadOnlyList<(string Name, string? Value)> Of(Package package) =>
        Unsorted(package).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<(string Name, string? Value)> Of(SbomDocument document) =>
        [(ImageConfigDigest, document.ConfigDigest), (ImagePlatform, document.Platform)];

    public static IReadOnlyList<(string Name, string? Value)> Of(OsInfo os) =>
        os.VersionCodename is { Length: > 0 } codename ? [(OsVersionCodename, codename)] : [];

    private static IEnumerable<(string Name, string? Value)> Unsorted(Package package)
    {
        foreach (var location in package.Locations)
        {
            yield return (LocationPath, location.Path);
            yield return (LayerIndex, location.Layer.ToString(CultureInfo.InvariantCulture));
            yield return (LayerDiffId, location.DiffId);
            yield return (LayerCreatedBy, location.CreatedBy);
        }
        if (package.SourceName is not null)
        {
            yield return (SourceName, package.SourceName);
        }
        if (package.SourceVersion is not null)
        {
            yield return (SourceVersion, package.SourceVersion);
        }
        if (package.Architecture is not null)
        {
            yield return (Architecture, package.Architecture);
        }
    }
}
