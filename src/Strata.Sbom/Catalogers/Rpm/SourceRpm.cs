namespace Strata.Sbom.Catalogers.Rpm;

/// <summary>The name and version-release of a source rpm file name: <c>glibc-2.34-100.el9.src.rpm</c>.</summary>
internal static class SourceRpm
{
    public static (string Name, string Version)? Parse(string? file)
    {
        if (string.IsNullOrEmpty(file))
        {
            return null;
        }
        var stem = file;
        foreach (var suffix in new[] { ".src.rpm", ".nosrc.rpm" })
        {
            if (stem.EndsWith(suffix, StringComparison.Ordinal))
            {
                stem = stem[..^suffix.Length];
                break;
            }
        }
        var release = stem.LastIndexOf('-');
        var version = release > 0 ? stem.LastIndexOf('-', release - 1) : -1;
        return version > 0 ? (stem[..version], stem[(version + 1)..]) : null;
    }
}
