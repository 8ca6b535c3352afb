namespace Strata.Vulnerabilities.Tests.Matching;

/// <summary>
/// Debian 12 advisories in OSV form, written here from Debian's own security data for packages of the shared base
/// image (Debian 12.15: glibc 2.36-9+deb12u14, coreutils 9.1-1, bash 5.2.15-2+b13 from source 5.2.15-2).
/// </summary>
internal static class DebianRecords
{
    /// <summary>
    /// "Looney Tunables" in glibc's ld.so. DSA-5514-1 (https://www.debian.org/security/2023/dsa-5514): fixed for
    /// bookworm in 2.36-9+deb12u3 and for bullseye in 2.31-13+deb11u7. Fixed long before the installed glibc.
    /// </summary>
    public const string Dsa5514 = """
        {
          "id": "DSA-5514-1",
          "aliases": ["CVE-2023-4911"],
          "summary": "glibc - security update",
          "published": "2023-10-03T00:00:00Z",
          "affected": [
            { "package": { "ecosystem": "Debian:11", "name": "glibc" },
              "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "0" }, { "fixed": "2.31-13+deb11u7" } ] } ] },
            { "package": { "ecosystem": "Debian:12", "name": "glibc" },
              "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "0" }, { "fixed": "2.36-9+deb12u3" } ] } ] }
          ]
        }
        """;

    /// <summary>
    /// gethostbyaddr returning hostnames that break the DNS specification. Debian's tracker
    /// (https://security-tracker.debian.org/tracker/CVE-2026-4438) listed bookworm's 2.36-9+deb12u13 as vulnerable
    /// (no-dsa, minor issue); OSV's Debian data then gives the bookworm fix as 2.36-9+deb12u14 (range 0 to
    /// 2.36-9+deb12u14, as https://www.vulnscope.dev/en/cve/CVE-2026-4438 shows it). The installed glibc is that fix.
    /// </summary>
    public const string Cve20264438 = """
        {
          "id": "DEBIAN-CVE-2026-4438",
          "aliases": [],
          "upstream": ["CVE-2026-4438"],
          "summary": "glibc: gethostbyaddr may return an invalid DNS hostname",
          "published": "2026-03-20T00:00:00Z",
          "affected": [
            { "package": { "ecosystem": "Debian:12", "name": "glibc" },
              "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "0" }, { "fixed": "2.36-9+deb12u14" } ] } ] }
          ]
        }
        """;

    /// <summary>
    /// chroot --userspec lets a session escape through TIOCSTI. Debian rates it unimportant and ships no fix for
    /// bookworm; its data marks coreutils 8.32-4 vulnerable with 9.7-3 (unstable) the first fixed version
    /// (https://public2.vulnerablecode.io/api/packages/586829, from the Debian tracker). Unfixed in Debian 12.
    /// </summary>
    public const string Cve20162781 = """
        {
          "id": "DEBIAN-CVE-2016-2781",
          "aliases": [],
          "upstream": ["CVE-2016-2781"],
          "summary": "chroot in GNU coreutils allows escape to the parent session via TIOCSTI",
          "published": "2017-02-07T00:00:00Z",
          "affected": [
            { "package": { "ecosystem": "Debian:12", "name": "coreutils" },
              "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "0" } ] } ] }
          ]
        }
        """;

    /// <summary>
    /// Bash's SHELLOPTS/PS4 privilege escalation. The Debian tracker (https://security-tracker.debian.org/tracker/CVE-2016-7543)
    /// gives the fix as 4.4-1 (unstable) and bookworm's 5.2.15-2 as fixed.
    /// </summary>
    public const string Cve20167543 = """
        {
          "id": "DEBIAN-CVE-2016-7543",
          "aliases": [],
          "upstream": ["CVE-2016-7543"],
          "summary": "bash: specially crafted SHELLOPTS+PS4 variables allow command substitution",
          "published": "2017-01-19T00:00:00Z",
          "affected": [
            { "package": { "ecosystem": "Debian:12", "name": "bash" },
              "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "0" }, { "fixed": "4.4-1" } ] } ] }
          ]
        }
        """;
}
