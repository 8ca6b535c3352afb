namespace Strata.Sbom.Catalogers.Language;

/// <summary>Package metadata that cannot be used; caught per file and reported as a warning naming the file.</summary>
internal sealed class MetadataException(string message) : Exception(message);
