using System.Text.RegularExpressions;

namespace Strata.Vulnerabilities.Matching;

/// <summary>
/// Go versions as OSV's Go records write them: semver without the leading v. Toolchain versions are not semver
/// (go1.20, go1.21rc2, go1.19beta1): Go's vulnerability database reads them as 1.20.0, 1.21.0-rc.2 and 1.19.0-beta.1.
/// </summary>
internal static partial class GoVersions
{
    public static string ForOsv(string name, string version)
    {
        var bare = version.StartsWith('v') ? version[1..] : version;
        if (name != "stdlib" || Toolchain().Match(bare) is not { Success: true } match)
        {
            return bare;
        }
        var core = match.Groups["patch"].Success ? $"{match.Groups["major"].Value}.{match.Groups["minor"].Value}.{match.Groups["patch"].Value}"
            : $"{match.Groups["major"].Value}.{match.Groups["minor"].Value}.0";
        return match.Groups["label"].Success ? $"{core}-{match.Groups["label"].Value}.{match.Groups["number"].Value}" : core;
    }

    [GeneratedRegex(@"^(?<major>\d+)\.(?<minor>\d+)(?:\.(?<patch>\d+))?(?:(?<label>rc|beta|alpha)(?<number>\d+))?$", RegexOptions.NonBacktracking)]
    private static partial Regex Toolchain();
}
