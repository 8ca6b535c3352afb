using Strata.Dockerfile.Rules.Shell;

namespace Strata.Dockerfile.Rules.Size;

/// <summary>hadolint DL3036: <c>zypper install</c> without <c>zypper clean</c> (or <c>zypper cc</c>) after it.</summary>
public sealed class ZypperCleanRule : PackageCleanRule
{
    public override string Id => "STR1007";

    public override string? Hadolint => "DL3036";

    public override string Title => "zypper install without zypper clean";

    public override string Description =>
        "zypper keeps downloaded packages and metadata in /var/cache/zypp. End the RUN that installs with && zypper clean --all, " +
        "or mount a cache over /var/cache/zypp.";

    protected override string CleanCommand => "zypper clean";

    protected override string CacheFolder => "/var/cache/zypp";

    protected override string[] CacheMounts => ["/var/cache/zypp"];

    protected override bool IsInstall(ShellCommand command) => command.Runs("zypper", "install", "in");

    protected override bool IsClean(ShellCommand command) => command.Runs("zypper", "clean", "cc") || PackageCommands.Removes(command, "/var/cache/zypp");
}
