using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Fuzz;

/// <summary>
/// An image holding the shared real package databases where the catalogers look for them, so that mutating a
/// database reaches its parser rather than a cataloger that never runs.
/// </summary>
internal static class PackageDatabases
{
    private static readonly (string Fixture, string PathInImage)[] OsFiles =
    [
        ("os/dpkg/dpkg/valid", "var/lib/dpkg/status"),
        ("os/dpkg/dpkg/status.d/foo", "var/lib/dpkg/status.d/foo"),
        ("os/apk/installed", "lib/apk/db/installed"),
        ("os/rpm/Packages_epoch", "var/lib/rpm/Packages"),
    ];

    private static readonly (string Fixture, string PathInImage)[] LanguageFiles =
    [
        ("language/python/wheelegg/pyopenssl-26.0.0.dist-info", "usr/lib/python3/site-packages/pyopenssl-26.0.0.dist-info/METADATA"),
        ("language/python/wheelegg/pkginfo", "usr/lib/python3/site-packages/monotonic-1.6.egg-info/PKG-INFO"),
        ("language/javascript/packagejson/package.json", "app/package.json"),
        ("language/javascript/packagejson/deps/acorn/package.json", "app/node_modules/acorn/package.json"),
        ("language/dotnet/depsjson/valid", "app/app.deps.json"),
        ("language/java/archive/simple.jar", "app/lib/simple.jar"),
        ("language/java/archive/complex.jar", "app/lib/complex.jar"),
        ("language/java/archive/axis/MANIFEST.MF", "app/classes/META-INF/MANIFEST.MF"),
    ];

    private const string OsRelease = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nID=debian\n";

    private const string Copyright =
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nCopyright: 1989 Free Software Foundation\nLicense: GPL-3+\n\nFiles: lib/*\nLicense: LGPL-2.1\n";

    private const string Gemspec =
        "# -*- encoding: utf-8 -*-\nGem::Specification.new do |s|\n  s.name = \"rake\".freeze\n  s.version = \"13.0.6\"\n  s.licenses = [\"MIT\".freeze]\nend\n";

    public static SeedImage Image()
    {
        var os = new LayerBuilder().File("etc/os-release", OsRelease).File("usr/share/doc/bash/copyright", Copyright)
            .File("var/lib/dpkg/info/bash.list", "/bin/bash\n/usr/share/doc/bash/copyright\n");
        foreach (var (fixture, path) in OsFiles)
        {
            os.File(path, File.ReadAllBytes(Path.Combine(Fixtures.Shared, "pkgdb", fixture)));
        }
        var language = new LayerBuilder().File("usr/local/lib/ruby/gems/3.2.0/specifications/rake-13.0.6.gemspec", Gemspec);
        foreach (var (fixture, path) in LanguageFiles)
        {
            language.File(path, File.ReadAllBytes(Path.Combine(Fixtures.Shared, "pkgdb", fixture)));
        }
        var config = new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["config"] = new JsonObject { ["Env"] = new JsonArray("PATH=/usr/bin"), ["Cmd"] = new JsonArray("/bin/sh") },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray() },
            ["history"] = new JsonArray(
                new JsonObject { ["created_by"] = "COPY os /" },
                new JsonObject { ["created_by"] = "COPY app /" }),
        };
        return new SeedImage("package-databases",
            [FuzzLayer.FromTar(os.ToTar(), LayerCompression.Gzip, "COPY os /"), FuzzLayer.FromTar(language.ToTar(), LayerCompression.Gzip, "COPY app /")],
            config.ToJsonString());
    }
}
