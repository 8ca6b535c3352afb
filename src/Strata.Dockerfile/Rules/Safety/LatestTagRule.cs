using Strata.Dockerfile.Advice;

namespace Strata.Dockerfile.Rules.Safety;

/// <summary>
/// hadolint DL3007: FROM an image tagged <c>latest</c> (after ARG defaults are expanded): the build changes whenever
/// the tag moves. A digest pins it anyway.
/// </summary>
public sealed class LatestTagRule : DockerfileRule
{
    public override string Id => "STR2001";

    public override string? Hadolint => "DL3007";

    public override AdviceSeverity Severity => AdviceSeverity.Warning;

    public override string Title => "FROM an image tagged latest";

    public override string Description =>
        "latest moves whenever the image is republished, so the same Dockerfile builds something else tomorrow. " +
        "Pin a release tag, and a digest for full reproducibility (FROM image:1.2.3@sha256:…).";

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        foreach (var stage in context.Stages.Where(s => s.BaseStage is null && s.Image is not null))
        {
            var name = ImageName.Parse(stage.Image!);
            if (name.Tag == "latest" && name.Digest is null)
            {
                yield return new RuleHit(stage.From, $"{stage.Image} is tagged latest: pin a version", "FROM image:<version>");
            }
        }
    }
}
