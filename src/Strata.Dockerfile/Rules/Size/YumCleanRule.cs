using Strata.Dockerfile.Rules.Shell;

namespace Strata.Dockerfile.Rules.Size;

/// <summary>hadolint DL3032: <c>yum install</c> without <c>yum clean all</c> (or <c>rm -rf /var/cache/yum</c>) after it.</summary>
public sealed class YumCleanRule : PackageCleanRule
{
    public override string Id => "STR1005";

    public override string? Hadolint => "DL3032";

    public override string Title => "yum install without yum clean all";

    public override string Description =>
        "yum keeps downloaded packages and metadata in /var/cache/yum. End the RUN that installs with && yum clean all, " +
        "or mount a cache over /var/cache/yum.";

    protected override string CleanCommand => "yum clean all";

    protected override string CacheFolder => "/var/cache/yum";

    protected override string[] CacheMounts => ["/var/cache/yum"];

    protected override bool IsInstall(ShellCommand command) => command.Runs("yum", "install", "groupinstall", "localinstall");

    protected override bool IsClean(ShellCommand command) =>
        (command.Runs("yum", "clean") && command.Argument("all") is not null) || PackageCommands.Removes(command, "/var/cache/yum");
}
