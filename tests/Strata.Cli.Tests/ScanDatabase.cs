using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>
/// A database made once per test class with <c>strata db import</c>: the shared advisories, plus a Debian 12 record
/// written here from the Debian security tracker: CVE-2011-3374 (apt does not check the keyring it downloads) is
/// unfixed in every Debian release, so it matches the base image's apt whatever its version.
/// </summary>
public sealed class ScanDatabase : IDisposable
{
    private readonly TempDirectory _directory = new();

    public const string AptRecord = """
        {
          "schema_version": "1.6.0",
          "id": "DEBIAN-CVE-2011-3374",
          "aliases": ["CVE-2011-3374"],
          "modified": "2024-01-01T00:00:00Z",
          "summary": "apt-key net-update does not check the downloaded keyring",
          "affected": [
            {
              "package": {"ecosystem": "Debian:12", "name": "apt", "purl": "pkg:deb/debian/apt?arch=source"},
              "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}]}],
              "ecosystem_specific": {"urgency": "unimportant"}
            }
          ]
        }
        """;

    public ScanDatabase()
    {
        var records = Path.Combine(_directory.Path, "records");
        Directory.CreateDirectory(records);
        foreach (var file in Directory.GetFiles(Path.Combine(Fixtures.Shared, "advisories"), "*.json"))
        {
            File.Copy(file, Path.Combine(records, Path.GetFileName(file)));
        }
        File.WriteAllText(Path.Combine(records, "DEBIAN-CVE-2011-3374.json"), AptRecord);
        var import = CliRunner.RunAsync(["db", "import", "--db", DbPath, records]).GetAwaiter().GetResult();
        if (import.ExitCode != 0)
        {
            throw new InvalidOperationException($"strata db import exited {import.ExitCode}: {import.Error}");
        }
    }

    public string DbPath => System.IO.Path.Combine(_directory.Path, "osv.sqlite");

    public void Dispose() => _directory.Dispose();
}
