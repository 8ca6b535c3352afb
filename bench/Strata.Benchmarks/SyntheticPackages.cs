using Strata.Sbom.Model;

namespace Strata.Benchmarks;

/// <summary>
/// Packages as an SBOM holds them for the synthetic advisories' names: each (ecosystem, name) lookup becomes a package of
/// the cataloger that reports that ecosystem, at a version drawn from fixed seeds, with the OS its distribution needs.
/// </summary>
internal static class SyntheticPackages
{
    public static readonly OsInfo Debian = new("debian", "12", "Debian GNU/Linux 12 (bookworm)", "bookworm");

    public static readonly OsInfo Alpine = new("alpine", "3.18.4", "Alpine Linux v3.18", null);

    /// <summary>The packages, grouped by the OS image they would come from (Debian with the language packages, Alpine alone).</summary>
    public static IReadOnlyList<(OsInfo Os, IReadOnlyList<Package> Packages)> From(IReadOnlyList<(string Ecosystem, string Name)> lookups)
    {
        var random = new Random(11);
        var packages = lookups.Select(l => Package(l.Ecosystem, l.Name, random)).ToList();
        return
        [
            (Debian, packages.Where(p => p.Ecosystem != "apk").ToList()),
            (Alpine, packages.Where(p => p.Ecosystem == "apk").ToList()),
        ];
    }

    private static Package Package(string ecosystem, string name, Random random)
    {
        var version = $"{random.Next(4)}.{random.Next(20)}.{random.Next(10)}";
        var (cataloger, packageVersion) = ecosystem switch
        {
            "npm" => ("npm", version),
            "PyPI" => ("python", version),
            "Maven" => ("java", version),
            "Go" => ("go", "v" + version),
            "NuGet" => ("dotnet", version),
            "crates.io" => ("rust", version),
            "RubyGems" => ("ruby", version),
            "Packagist" => ("php", version),
            "Debian" => ("dpkg", version + "-1"),
            "Alpine" => ("apk", version + "-r0"),
            _ => throw new InvalidOperationException($"no cataloger for {ecosystem}"),
        };
        var os = cataloger is "dpkg" or "apk";
        return new Package
        {
            Ecosystem = cataloger,
            Name = name,
            Version = packageVersion,
            Purl = $"pkg:{cataloger}/{name}@{packageVersion}",
            SourceName = os ? name : null,
            SourceVersion = os ? packageVersion : null,
            Locations = [new PackageLocation($"/{cataloger}/{name}", 1, "sha256:0", null)],
        };
    }
}
