using Strata.Dockerfile.Advice;

namespace Strata.Dockerfile.Rules.Safety;

/// <summary>
/// hadolint DL3006: FROM an image with no tag and no digest (after ARG defaults are expanded), which means latest.
/// Not for <c>scratch</c>, nor for an earlier stage's name (<c>FROM builder</c>), nor when a variable in the reference
/// has no value to judge.
/// </summary>
public sealed class UntaggedImageRule : DockerfileRule
{
    public override string Id => "STR2002";

    public override string? Hadolint => "DL3006";

    public override AdviceSeverity Severity => AdviceSeverity.Warning;

    public override string Title => "FROM an image without a tag";

    public override string Description =>
        "An image without a tag is the latest tag, which moves whenever the image is republished. Name a release tag " +
        "(FROM debian:12-slim), and a digest for full reproducibility.";

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        foreach (var stage in context.Stages.Where(s => s.BaseStage is null && s.Image is not null))
        {
            var name = ImageName.Parse(stage.Image!);
            if (name.Tag is null && name.Digest is null && !string.Equals(stage.Image, "scratch", StringComparison.OrdinalIgnoreCase))
            {
                yield return new RuleHit(stage.From, $"{stage.Image} has no tag, so it is whatever latest is today", $"FROM {stage.Image}:<version>");
            }
        }
    }
}
