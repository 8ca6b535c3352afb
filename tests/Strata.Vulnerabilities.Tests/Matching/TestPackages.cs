using Strata.Sbom.Model;

namespace Strata.Vulnerabilities.Tests.Matching;

/// <summary>Packages as the catalogers report them, built by hand.</summary>
internal static class TestPackages
{
    public static readonly OsInfo Bookworm = new("debian", "12", "Debian GNU/Linux 12 (bookworm)", "bookworm");

    public static Package Npm(string name, string version) => new()
    {
        Ecosystem = "npm",
        Name = name,
        Version = version,
        Purl = $"pkg:npm/{name}@{version}",
        Locations = [new PackageLocation($"/app/node_modules/{name}/package.json", 1, "sha256:00", "COPY . /app")],
    };

    public static Package Deb(string name, string version, string? source = null, string? sourceVersion = null) => new()
    {
        Ecosystem = "dpkg",
        Name = name,
        Version = version,
        SourceName = source ?? name,
        SourceVersion = sourceVersion ?? version,
        Purl = $"pkg:deb/debian/{name}@{version}?distro=debian-12",
        Locations = [new PackageLocation("/var/lib/dpkg/status", 0, "sha256:00", null)],
    };

    public static Package Of(string ecosystem, string name, string version) => new()
    {
        Ecosystem = ecosystem,
        Name = name,
        Version = version,
        Purl = $"pkg:generic/{name}@{version}",
        Locations = [new PackageLocation($"/opt/{name}", 1, "sha256:00", null)],
    };
}
