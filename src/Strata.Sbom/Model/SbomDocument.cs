namespace Strata.Sbom.Model;

/// <summary>Everything <c>strata sbom</c> found in one image, sorted and ready to write.</summary>
public sealed record SbomDocument(
    string ImageName,
    string? ManifestDigest,
    string ConfigDigest,
    string Platform,
    OsInfo? Os,
    IReadOnlyList<Package> Packages,
    IReadOnlyList<string> Warnings);
