using Strata.Sbom.Model;
using Strata.Sbom.Output;

namespace Strata.Sbom.Tests.Output;

/// <summary>Hand-made SBOM documents with the cases that trip writers up.</summary>
public static class SampleDocuments
{
    public static readonly DateTimeOffset FixedTime = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    public const string ToolVersion = "1.2.3";

    /// <summary>As with SOURCE_DATE_EPOCH set: a fixed time, and a serial made from the content.</summary>
    public static SbomWriteOptions Reproducible => SbomWriteOptions.From("1700000000", ToolVersion);

    public static SbomWriteOptions Random => SbomWriteOptions.From(null, ToolVersion);

    private const string Base = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string App = "sha256:3333333333333333333333333333333333333333333333333333333333333333";

    public static SbomDocument Empty => new(
        "example.com/empty:latest", null, "sha256:2222222222222222222222222222222222222222222222222222222222222222", "linux/amd64", null, [], []);

    public static SbomDocument Tricky => new(
        "registry.example.com/team/app:1.0",
        "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
        "linux/amd64",
        new OsInfo("debian", "12", "Debian GNU/Linux 12 (bookworm)", "bookworm"),
        [
            Deb("libc6", "2.36-9+deb12u4", ["GPL-2.0-or-later", "lgpl-2.1-or-later"], "glibc", "2.36-9+deb12u4"),
            Deb("login", "1:4.13+dfsg1-1+b1", ["GPL-2.0+", "public-domain", "BSD-like licence, see copyright"], "shadow", "1:4.13+dfsg1-1"),
            Deb("zlib1g", "1:1.2.13.dfsg-1", ["Zlib"], "zlib", null),
            new Package
            {
                Ecosystem = "java",
                Name = "jakarta.annotation-api",
                Version = "2.1.1",
                Purl = "pkg:maven/jakarta.annotation/jakarta.annotation-api@2.1.1",
                Licenses = ["EPL-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0"],
                Locations = [new("/app/lib/jakarta.annotation-api-2.1.1.jar", 3, App, null)],
            },
            Npm("@babel/core", "7.24.0", "pkg:npm/%40babel/core@7.24.0", ["MIT"]),
            Npm("dual", "1.0.0", "pkg:npm/dual@1.0.0", ["(MIT OR Apache-2.0) AND BSD-3-Clause"]),
            Npm("mixed", "2.0.0", "pkg:npm/mixed@2.0.0", ["MIT", "Apache-2.0 OR Foo-License", "Some Custom Licence"]),
            Npm("unlicensed", "0.1.0", "pkg:npm/unlicensed@0.1.0", []),
            Python("requests", "2.31.0", "/usr/lib/python3/dist-packages/requests-2.31.0.dist-info/METADATA", 1),
            Python("requests", "2.31.0", "/app/venv/lib/python3.11/site-packages/requests-2.31.0.dist-info/METADATA", 3),
        ],
        ["a warning"]);

    private static Package Deb(string name, string version, string[] licenses, string source, string? sourceVersion) => new()
    {
        Ecosystem = "dpkg",
        Name = name,
        Version = version,
        Purl = PackageUrl.Create("deb", "debian", name, version, [new("arch", "amd64"), new("distro", "debian-12")]),
        Licenses = licenses,
        SourceName = source,
        SourceVersion = sourceVersion,
        Architecture = "amd64",
        Locations = [new("/var/lib/dpkg/status", 0, Base, "/bin/sh -c #(nop) ADD file:abc in / ")],
    };

    private static Package Npm(string name, string version, string purl, string[] licenses) => new()
    {
        Ecosystem = "npm",
        Name = name,
        Version = version,
        Purl = purl,
        Licenses = licenses,
        Locations =
        [
            new($"/app/node_modules/{name}/package.json", 3, App, "COPY . /app # buildkit"),
            new($"/app/node_modules/{name}/package.json", 4, "sha256:4444444444444444444444444444444444444444444444444444444444444444", "RUN npm ci"),
        ],
    };

    private static Package Python(string name, string version, string path, int layer) => new()
    {
        Ecosystem = "python",
        Name = name,
        Version = version,
        Purl = $"pkg:pypi/{name}@{version}",
        Licenses = ["Apache 2.0"],
        Locations = [new(path, layer, layer == 1 ? Base : App, "RUN pip install requests")],
    };
}
