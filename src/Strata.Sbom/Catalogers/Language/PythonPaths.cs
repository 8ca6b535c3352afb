namespace Strata.Sbom.Catalogers.Language;

/// <summary>Where installed Python distributions keep their metadata.</summary>
internal static class PythonPaths
{
    public static bool IsMetadata(string path) =>
        path.EndsWith(".dist-info/METADATA", StringComparison.Ordinal)
        || path.EndsWith(".egg-info/PKG-INFO", StringComparison.Ordinal)
        || path.EndsWith(".egg/EGG-INFO/PKG-INFO", StringComparison.Ordinal)
        || path.EndsWith(".egg-info", StringComparison.Ordinal)
        || IsZippedEgg(path);

    /// <summary>An egg installed as one zip file, its metadata in <c>EGG-INFO/PKG-INFO</c>.</summary>
    public static bool IsZippedEgg(string path) => path.EndsWith(".egg", StringComparison.Ordinal);
}
