namespace Strata.Sbom.Catalogers.Language;

/// <summary>
/// Composer's files: <c>vendor/composer/installed.json</c> (what is installed), and a project's own
/// <c>composer.json</c> and <c>composer.lock</c> (any outside a <c>vendor</c> folder, where installed packages keep
/// their own manifests).
/// </summary>
internal static class ComposerPaths
{
    public const string Installed = "vendor/composer/installed.json";
    public const string Manifest = "composer.json";
    public const string Lock = "composer.lock";

    public static bool IsInstalled(string path) => path == Installed || path.EndsWith("/" + Installed, StringComparison.Ordinal);

    public static bool IsProjectFile(string path) =>
        (Named(path, Manifest) || Named(path, Lock)) && !path.StartsWith("vendor/", StringComparison.Ordinal) && !path.Contains("/vendor/", StringComparison.Ordinal);

    /// <summary>The folder a file is in, with its trailing slash (<c>app/</c>; empty at the root).</summary>
    public static string Folder(string path) => path[..(path.LastIndexOf('/') + 1)];

    public static bool Named(string path, string name) => path == name || path.EndsWith("/" + name, StringComparison.Ordinal);
}
