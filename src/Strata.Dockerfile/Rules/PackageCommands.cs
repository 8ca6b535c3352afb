using Strata.Dockerfile.Rules.Shell;

namespace Strata.Dockerfile.Rules;

/// <summary>What the rules recognise in package-manager commands.</summary>
internal static class PackageCommands
{
    /// <summary>Options of apt-get, apk, yum, dnf and zypper that take a value as the next word (not a package).</summary>
    private static readonly HashSet<string> OptionsWithValue = new(StringComparer.Ordinal)
    {
        "-o", "-t", "-c", "--option", "--target-release", "--repository", "-X", "--enablerepo", "--disablerepo", "--setopt",
        "--installroot", "--releasever", "--root", "-R", "--virtual", "--from",
    };

    public static bool IsAptUpdate(ShellCommand c) => c.Runs("apt-get", "update") || c.Runs("apt", "update") || c.Runs("aptitude", "update");

    public static bool IsAptInstall(ShellCommand c) => c.Runs("apt-get", "install") || c.Runs("apt", "install") || c.Runs("aptitude", "install");

    /// <summary><c>rm -rf /var/lib/apt/lists/*</c>, or any rm of a path under it.</summary>
    public static bool RemovesAptLists(ShellCommand c) => Removes(c, "/var/lib/apt/lists");

    /// <summary>An <c>rm</c> of a path that starts with <paramref name="prefix"/>.</summary>
    public static bool Removes(ShellCommand c, string prefix) =>
        c.Program == "rm" && c.Words.Any(w => w.Value.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The packages of an install command (apt-get/apt install, apk add, yum/dnf/microdnf install, zypper install), or none.</summary>
    public static IEnumerable<string> InstalledPackages(ShellCommand c)
    {
        var subcommand = c.Program switch
        {
            "apt-get" or "apt" or "aptitude" or "yum" or "dnf" or "microdnf" => c.Argument("install"),
            "apk" => c.Argument("add"),
            "zypper" => c.Argument("install", "in"),
            _ => null,
        };
        if (subcommand is null)
        {
            yield break;
        }
        var after = false;
        var skipNext = false;
        foreach (var word in c.Arguments)
        {
            if (ReferenceEquals(word, subcommand))
            {
                after = true;
                continue;
            }
            if (skipNext)
            {
                skipNext = false;
                continue;
            }
            if (word.IsFlag)
            {
                skipNext = OptionsWithValue.Contains(word.Value);
                continue;
            }
            if (after)
            {
                // "gcc=4:12.2.0-3" and "gcc/bookworm" name the package gcc.
                var name = word.Value.Split('=', '/')[0];
                if (name.Length > 0)
                {
                    yield return name;
                }
            }
        }
    }
}
