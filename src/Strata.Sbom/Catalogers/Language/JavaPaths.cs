namespace Strata.Sbom.Catalogers.Language;

/// <summary>Java archives by name: jar, war and ear files.</summary>
internal static class JavaPaths
{
    public static bool IsArchive(string path) =>
        path.EndsWith(".jar", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".war", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".ear", StringComparison.OrdinalIgnoreCase);

    /// <summary>Maven's <c>META-INF/maven/GROUP/ARTIFACT/pom.properties</c>, or a pom.properties anywhere else in the archive.</summary>
    public static bool IsPomProperties(string entry) =>
        entry == "pom.properties" || entry.EndsWith("/pom.properties", StringComparison.Ordinal);

    public static bool IsManifest(string entry) => entry.Equals("META-INF/MANIFEST.MF", StringComparison.OrdinalIgnoreCase);

    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
