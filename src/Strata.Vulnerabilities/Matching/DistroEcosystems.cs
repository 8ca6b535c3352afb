using Strata.Sbom.Model;

namespace Strata.Vulnerabilities.Matching;

/// <summary>
/// The OSV ecosystem of an image's distribution, named as OSV's ecosystems list says
/// (https://ossf.github.io/osv-schema/#affectedpackage-field): the base and the releases that apply to this image.
/// </summary>
internal sealed record DistroEcosystem(string Base, Func<string?, bool> AcceptsRelease, bool BinaryNamesToo)
{
    /// <summary>Debian codenames, for images whose os-release has no VERSION_ID (OSV names Debian releases by number).</summary>
    private static readonly Dictionary<string, string> DebianCodenames = new(StringComparer.Ordinal)
    {
        ["buster"] = "10", ["bullseye"] = "11", ["bookworm"] = "12", ["trixie"] = "13", ["forky"] = "14",
    };

    /// <summary>
    /// The ecosystem of <paramref name="manager"/>'s packages (dpkg, apk, rpm) on <paramref name="os"/>, or null with
    /// the reason when OSV has none for it.
    /// </summary>
    public static DistroEcosystem? For(OsInfo? os, string manager, out string? unmapped)
    {
        unmapped = null;
        if (os is null)
        {
            unmapped = $"{manager} packages on an image whose OS could not be identified";
            return null;
        }
        var major = os.VersionId.Split('.')[0];
        var majorMinor = string.Join('.', os.VersionId.Split('.').Take(2));
        DistroEcosystem? ecosystem = (manager, os.Id) switch
        {
            ("dpkg", "debian") => DebianRelease(os) is { } release ? Released("Debian", release) : null,
            // Ubuntu:22.04:LTS; Ubuntu:Pro:… records are fixes only Ubuntu Pro subscribers receive.
            ("dpkg", "ubuntu") => os.VersionId.Length == 0 ? null
                : new DistroEcosystem("Ubuntu", r => r is not null && !r.StartsWith("Pro:", StringComparison.Ordinal) && StripLts(r) == os.VersionId, false),
            ("apk", "alpine") => majorMinor.Length == 0 ? null : Released("Alpine", "v" + majorMinor),
            ("apk", "wolfi") => new DistroEcosystem("Wolfi", _ => true, false),
            ("apk", "chainguard") => new DistroEcosystem("Chainguard", _ => true, false),
            // Red Hat:enterprise_linux:9::baseos. Its records name binary or source RPMs, so both are looked up.
            ("rpm", "rhel") => major.Length == 0 ? null
                : new DistroEcosystem("Red Hat", r => r is not null && r.Split(':') is ["enterprise_linux", var v, ..] && v == major, true),
            ("rpm", "rocky") => major.Length == 0 ? null : Released("Rocky Linux", major),
            ("rpm", "almalinux") => major.Length == 0 ? null : Released("AlmaLinux", major),
            ("rpm", "mageia") => major.Length == 0 ? null : Released("Mageia", major),
            ("rpm", "azurelinux" or "mariner") => major.Length == 0 ? null : Released("Azure Linux", major),
            ("rpm", "opensuse-leap") => os.VersionId.Length == 0 ? null : Released("openSUSE", "Leap " + os.VersionId),
            ("rpm", "opensuse-tumbleweed") => Released("openSUSE", "Tumbleweed"),
            // SUSE:Linux Enterprise Server 15 SP5, and the modules that ship its packages (…Module for Basesystem 15 SP5).
            ("rpm", "sles" or "sled" or "sles_sap") => major.Length == 0 ? null
                : new DistroEcosystem("SUSE", r => r is not null && r.StartsWith("Linux Enterprise ", StringComparison.Ordinal) && r.EndsWith(SuseSuffix(os.VersionId), StringComparison.Ordinal), false),
            _ => null,
        };
        if (ecosystem is null)
        {
            unmapped = os.VersionId.Length == 0 && os.Id is "debian" or "ubuntu" or "alpine"
                ? $"{manager} packages on {os.Id} of unknown release"
                : $"{manager} packages on {os.Id} {os.VersionId}".TrimEnd() + ", which has no OSV ecosystem";
        }
        return ecosystem;
    }

    /// <summary>A release given by number; a record without a release applies to every release.</summary>
    private static DistroEcosystem Released(string ecosystemBase, string release) =>
        new(ecosystemBase, r => r is null || r == release, false);

    private static string? DebianRelease(OsInfo os)
    {
        var major = os.VersionId.Split('.')[0];
        if (major.Length > 0 && major.All(char.IsAsciiDigit))
        {
            return major;
        }
        return os.VersionCodename is { } codename ? DebianCodenames.GetValueOrDefault(codename) : null;
    }

    private static string StripLts(string release) =>
        release.EndsWith(":LTS", StringComparison.Ordinal) ? release[..^":LTS".Length] : release;

    /// <summary>VERSION_ID 15.5 is " 15 SP5"; 15 (or 15.0) is " 15".</summary>
    private static string SuseSuffix(string versionId)
    {
        var parts = versionId.Split('.');
        return parts.Length > 1 && parts[1] != "0" ? $" {parts[0]} SP{parts[1]}" : $" {parts[0]}";
    }
}
