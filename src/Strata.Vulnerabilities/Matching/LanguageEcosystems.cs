using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;

namespace Strata.Vulnerabilities.Matching;

/// <summary>
/// A language package's OSV ecosystem and name: python → PyPI (names normalised as PEP 503 says), java → Maven
/// <c>group:artifact</c>, go → Go (module path; <c>stdlib</c> is the Go records' standard library), dotnet → NuGet,
/// rust → crates.io, ruby → RubyGems, php → Packagist, npm → npm.
/// </summary>
internal static class LanguageEcosystems
{
    private static readonly EcosystemRules PyPiRules = new((a, b) => PythonCataloger.NormalizeName(a) == PythonCataloger.NormalizeName(b), _ => true);

    /// <summary>The target, or null with the reason when the package cannot be looked up.</summary>
    public static OsvTarget? Map(Package package, out string? unmapped)
    {
        unmapped = null;
        switch (package.Ecosystem)
        {
            case "npm":
                return new OsvTarget(package, "npm", [package.Name], package.Version, EcosystemRules.Exact);
            case "python":
                var normalised = PythonCataloger.NormalizeName(package.Name);
                return new OsvTarget(package, "PyPI", normalised == package.Name ? [normalised] : [normalised, package.Name], package.Version, PyPiRules);
            case "java":
                // Maven records name group:artifact; an archive that does not say its group cannot be looked up.
                if (!package.Name.Contains(':', StringComparison.Ordinal))
                {
                    unmapped = "Java archives without a Maven group";
                    return null;
                }
                // Maven:<repository URL> records are the same coordinates served elsewhere; they apply too.
                return new OsvTarget(package, "Maven", [package.Name], package.Version, EcosystemRules.Exact);
            case "go":
                return new OsvTarget(package, "Go", [package.Name], GoVersions.ForOsv(package.Name, package.Version), EcosystemRules.Exact);
            case "dotnet":
                return new OsvTarget(package, "NuGet", [package.Name], package.Version, EcosystemRules.IgnoreCase);
            case "rust":
                return new OsvTarget(package, "crates.io", [package.Name], package.Version, EcosystemRules.Exact);
            case "ruby":
                return new OsvTarget(package, "RubyGems", [package.Name], package.Version, EcosystemRules.Exact);
            case "php":
                var lower = package.Name.ToLowerInvariant();
                return new OsvTarget(package, "Packagist", lower == package.Name ? [lower] : [lower, package.Name], package.Version, EcosystemRules.IgnoreCase);
            default:
                unmapped = $"packages of cataloger '{package.Ecosystem}', which has no OSV ecosystem";
                return null;
        }
    }
}
