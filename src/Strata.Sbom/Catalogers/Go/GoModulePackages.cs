using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers.Go;

/// <summary>
/// The packages one Go executable reports: the main module, every dependency (a replaced one as its replacement, the way
/// Syft and Trivy report it), and the standard library as <c>stdlib</c> at the toolchain's version.
/// </summary>
internal static class GoModulePackages
{
    public const string Ecosystem = "go";

    public static List<Package> From(GoBuildInfo info, GoModuleInfo modules, PackageLocation location)
    {
        var architecture = modules.Settings.GetValueOrDefault("GOARCH");
        var packages = new List<Package>();
        void Add(string name, string version) =>
            packages.Add(new Package
            {
                Ecosystem = Ecosystem,
                Name = name,
                Version = version,
                Purl = Purl(name, version),
                Architecture = architecture,
                Locations = [location],
            });
        if (modules.Main is { Path.Length: > 0 } main)
        {
            var (name, version) = Effective(main);
            Add(name, version);
        }
        foreach (var dependency in modules.Dependencies.Where(d => d.Path.Length > 0))
        {
            var (name, version) = Effective(dependency);
            Add(name, version);
        }
        if (StdlibVersion(info.GoVersion) is { } stdlib)
        {
            Add("stdlib", stdlib);
        }
        return packages;
    }

    /// <summary><c>go1.22.3</c> and <c>go1.22.3 X:boringcrypto</c> give <c>v1.22.3</c>; development toolchains give none.</summary>
    public static string? StdlibVersion(string goVersion)
    {
        var version = goVersion.Split(' ', 2)[0];
        return version.Length > 2 && version.StartsWith("go", StringComparison.Ordinal) && char.IsAsciiDigit(version[2]) ? "v" + version[2..] : null;
    }

    public static string Purl(string modulePath, string version)
    {
        var slash = modulePath.LastIndexOf('/');
        return slash < 0
            ? PackageUrl.Create("golang", null, modulePath, version)
            : PackageUrl.Create("golang", modulePath[..slash], modulePath[(slash + 1)..], version);
    }

    /// <summary>
    /// A module replaced by another module is that module at its version; one replaced by a local directory keeps its own path,
    /// with the replacement's version (<c>(devel)</c>), since a directory is no package.
    /// </summary>
    private static (string Name, string Version) Effective(GoModule module)
    {
        if (module.Replacement is not { } replacement)
        {
            return (module.Path, module.Version);
        }
        var version = replacement.Version.Length > 0 ? replacement.Version : "(devel)";
        return IsDirectory(replacement.Path) ? (module.Path, version) : (replacement.Path, version);
    }

    private static bool IsDirectory(string path) =>
        path.StartsWith('.') || path.StartsWith('/') || path.StartsWith('\\') || (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '/' or '\\');
}
