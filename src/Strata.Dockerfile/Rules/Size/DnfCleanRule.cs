using Strata.Dockerfile.Rules.Shell;

namespace Strata.Dockerfile.Rules.Size;

/// <summary>hadolint DL3040: <c>dnf</c> or <c>microdnf</c> install (or upgrade, reinstall) without <c>dnf clean all</c> after it.</summary>
public sealed class DnfCleanRule : PackageCleanRule
{
    private static readonly string[] Installs = ["install", "in", "upgrade", "up", "upgrade-minimal", "up-min", "reinstall", "rei"];

    public override string Id => "STR1006";

    public override string? Hadolint => "DL3040";

    public override string Title => "dnf install without dnf clean all";

    public override string Description =>
        "dnf keeps downloaded packages and metadata in /var/cache/dnf (libdnf5 in /var/cache/libdnf5). End the RUN that " +
        "installs with && dnf clean all (microdnf clean all), or mount a cache over the cache folder.";

    protected override string CleanCommand => "dnf clean all";

    protected override string CacheFolder => "/var/cache/dnf";

    protected override string[] CacheMounts => ["/var/cache/dnf", "/var/cache/libdnf5", ".cache/libdnf5"];

    protected override bool IsInstall(ShellCommand command) => command.Runs("dnf", Installs) || command.Runs("microdnf", Installs);

    protected override bool IsClean(ShellCommand command) =>
        ((command.Runs("dnf", "clean") || command.Runs("microdnf", "clean")) && command.Argument("all") is not null)
        || PackageCommands.Removes(command, "/var/cache/dnf") || PackageCommands.Removes(command, "/var/cache/libdnf5");
}
