using Strata.Dockerfile.Advice;

namespace Strata.Dockerfile.Rules.Safety;

/// <summary>
/// hadolint DL3002, extended: the final image runs as root, because the last USER of the final stage (or of the
/// stages it builds on) is root or 0, or because no USER is set at all. A base image whose tag says
/// <c>nonroot</c> is taken at its word.
/// </summary>
public sealed class RootUserRule : DockerfileRule
{
    public override string Id => "STR2003";

    public override string? Hadolint => "DL3002";

    public override AdviceSeverity Severity => AdviceSeverity.Warning;

    public override string Title => "the final image runs as root";

    public override string Description =>
        "A container running as root turns any escape or write-anywhere bug into root on what it can reach. Create an " +
        "unprivileged user and end the final stage with USER <name or uid>.";

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        if (context.FinalStage is not { } final)
        {
            yield break;
        }
        var lastUser = final.Lineage.SelectMany(s => s.Instructions.Where(i => i.Keyword == "USER" && !i.IsOnBuild).Reverse()).FirstOrDefault();
        if (lastUser is not null)
        {
            var user = lastUser.Syntax.Arguments.Trim();
            if (user is "root" or "0" || user.StartsWith("root:", StringComparison.Ordinal) || user.StartsWith("0:", StringComparison.Ordinal))
            {
                yield return new RuleHit(lastUser, $"the last USER is {user}: the container runs as root", "USER an unprivileged user (USER 65532:65532)");
            }
            yield break;
        }
        if (final.RootImage is { } image && image.Contains("nonroot", StringComparison.Ordinal))
        {
            yield break;
        }
        yield return new RuleHit(final.From, "no USER is set in the final stage: the container runs as root", "add USER <unprivileged user> at the end of the final stage");
    }
}
