using Strata.Dockerfile.Rules.Safety;
using Strata.Dockerfile.Rules.Size;

namespace Strata.Dockerfile.Rules;

/// <summary>Every lint rule, in ID order: the one list <c>strata lint</c> runs and documents.</summary>
public static class DockerfileRules
{
    public static IReadOnlyList<IDockerfileRule> All { get; } =
    [
        new AptListsRule(),
        new NoInstallRecommendsRule(),
        new PipNoCacheDirRule(),
        new ApkNoCacheRule(),
        new YumCleanRule(),
        new DnfCleanRule(),
        new ZypperCleanRule(),
        new YarnCacheRule(),
        new NpmCacheRule(),
        new ConsecutiveRunRule(),
        new RmOwnLayerRule(),
        new CopyAllBeforeInstallRule(),
        new ToolchainRule(),
        new SlimBaseRule(),
        new AddLocalFileRule(),
        new AptUpgradeRule(),
        new UseraddRule(),
        new LatestTagRule(),
        new UntaggedImageRule(),
        new RootUserRule(),
        new SecretInEnvRule(),
        new CurlPipeShellRule(),
        new SudoRule(),
        new ShellFormCommandRule(),
        new CdRule(),
    ];

    /// <summary>The rule with this Strata or hadolint ID (any case), or null.</summary>
    public static IDockerfileRule? Find(string id) => All.FirstOrDefault(r =>
        string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Hadolint, id, StringComparison.OrdinalIgnoreCase));
}
