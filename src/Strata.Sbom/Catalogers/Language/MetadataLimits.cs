namespace Strata.Sbom.Catalogers.Language;

/// <summary>How much of a file the language catalogers read into memory.</summary>
internal static class MetadataLimits
{
    /// <summary>Manifests and metadata files (package.json, METADATA, deps.json, gemspecs, installed.json).</summary>
    public const long MetadataFile = 4L * 1024 * 1024;

    /// <summary>Archives read whole: Python eggs; and what a Java archive may inflate to in all.</summary>
    public const long Archive = 256L * 1024 * 1024;

    /// <summary>Java archives, which stream through a reducer and are never held: the bound is on time, not memory.</summary>
    public const long StreamedArchive = 4L * 1024 * 1024 * 1024;
}
