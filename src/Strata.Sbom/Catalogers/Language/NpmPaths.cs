namespace Strata.Sbom.Catalogers.Language;

/// <summary>
/// Which package.json files are installed packages (<c>…/node_modules/NAME/package.json</c> and
/// <c>…/node_modules/@scope/NAME/package.json</c>) and which are applications (any other package.json with no
/// <c>node_modules</c> folder on its path, such as <c>/app/package.json</c>).
/// </summary>
internal static class NpmPaths
{
    private const string Manifest = "/package.json";

    public static bool IsInstalledManifest(string path)
    {
        if (!path.EndsWith(Manifest, StringComparison.Ordinal))
        {
            return false;
        }
        var folder = path.AsSpan(0, path.Length - Manifest.Length);
        var name = folder[(folder.LastIndexOf('/') + 1)..];
        if (name.IsEmpty || name[0] is '.' or '@')
        {
            return false;
        }
        var parent = Parent(folder);
        if (IsNodeModules(parent))
        {
            return true;
        }
        var scope = parent[(parent.LastIndexOf('/') + 1)..];
        return scope.Length > 1 && scope[0] == '@' && IsNodeModules(Parent(parent));
    }

    public static bool IsApplicationManifest(string path) =>
        (path == Manifest[1..] || path.EndsWith(Manifest, StringComparison.Ordinal))
        && !path.StartsWith("node_modules/", StringComparison.Ordinal)
        && !path.Contains("/node_modules/", StringComparison.Ordinal);

    private static ReadOnlySpan<char> Parent(ReadOnlySpan<char> folder) => folder[..Math.Max(folder.LastIndexOf('/'), 0)];

    private static bool IsNodeModules(ReadOnlySpan<char> folder) =>
        folder.SequenceEqual("node_modules") || folder.EndsWith("/node_modules", StringComparison.Ordinal);
}
