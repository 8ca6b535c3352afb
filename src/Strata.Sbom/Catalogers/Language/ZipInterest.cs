namespace Strata.Sbom.Catalogers.Language;

/// <summary>The entries of a zip a cataloger reads: small metadata files, and archives nested in it to read in turn.</summary>
internal sealed record ZipInterest(Func<string, bool> IsMetadata, Func<string, bool> IsNested)
{
    /// <summary>Java archives: manifests and pom.properties; jars, wars and ears inside.</summary>
    public static readonly ZipInterest Java = new(
        name => JavaPaths.IsManifest(name) || JavaPaths.IsPomProperties(name),
        JavaPaths.IsArchive);

    /// <summary>Zipped Python eggs: their <c>EGG-INFO/PKG-INFO</c>, and nothing nested.</summary>
    public static readonly ZipInterest Egg = new(name => name == PythonEgg.PkgInfoEntry, _ => false);
}
