namespace Strata.Analysis.Advising.Size;

/// <summary>
/// Documentation, manual pages and translations, which a container never shows anyone. Licence texts
/// (<c>/usr/share/doc/*/copyright</c>) are kept: distributing the image may require them.
/// </summary>
public static class DocumentationPaths
{
    private static readonly string[] Folders = ["usr/share/doc/", "usr/share/man/", "usr/share/info/", "usr/share/locale/", "usr/local/share/man/", "usr/local/share/doc/"];

    public static bool Contains(string path) =>
        Folders.Any(f => path.StartsWith(f, StringComparison.Ordinal))
        && !IsLicence(path)
        // locale.alias is read by glibc's setlocale, not a translation.
        && path != "usr/share/locale/locale.alias";

    private static bool IsLicence(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name is "copyright" or "LICENSE" or "LICENCE" or "COPYING" || name.StartsWith("LICENSE.", StringComparison.Ordinal);
    }
}
