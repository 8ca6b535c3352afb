using Strata.Dockerfile.Advice;

namespace Strata.Dockerfile.Rules.Size;

/// <summary>
/// The final image starts from a full official image that has a smaller variant: <c>node</c>, <c>python</c>,
/// <c>debian</c> and <c>ruby</c> have <c>-slim</c> tags, <c>ubuntu</c> has a slim Debian or distroless alternative,
/// <c>golang</c> builds static binaries that run from <c>scratch</c> or distroless. Tags that are already slim,
/// alpine or distroless pass.
/// </summary>
public sealed class SlimBaseRule : DockerfileRule
{
    private static readonly string[] SlimMarks = ["slim", "alpine", "distroless", "minimal", "busybox"];

    public override string Id => "STR1014";

    public override AdviceSeverity Severity => AdviceSeverity.Info;

    public override string Title => "full base image with a slim variant";

    public override string Description =>
        "Full official images carry compilers, documentation and hundreds of packages an application never runs. " +
        "node, python, ruby and debian have -slim variants; a Go or other static binary needs only scratch or " +
        "gcr.io/distroless/static; ubuntu can often become debian:<version>-slim.";

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        if (context.FinalStage?.Lineage.Last() is not { Image: { } image } root)
        {
            yield break;
        }
        var name = ImageName.Parse(image);
        if (!name.IsOfficial)
        {
            yield break;
        }
        var tag = name.Tag ?? "latest";
        if (SlimMarks.Any(m => tag.Contains(m, StringComparison.Ordinal)))
        {
            yield break;
        }
        var (suggestion, fix) = name.ShortName switch
        {
            "node" or "python" or "ruby" or "debian" => ($"{name.ShortName}:{SlimTag(tag)}", $"FROM {name.ShortName}:{SlimTag(tag)}"),
            "ubuntu" => ("debian:<version>-slim, or a distroless image", "FROM debian:<version>-slim, or a distroless image"),
            "golang" => ("scratch or gcr.io/distroless/static for the built binary", "build in a golang stage, then FROM scratch and COPY --from the binary"),
            "openjdk" or "eclipse-temurin" when !tag.Contains("jre", StringComparison.Ordinal) =>
                ($"a -jre tag of {name.ShortName}, or gcr.io/distroless/java", $"FROM {name.ShortName} with a -jre tag"),
            _ => (null, null),
        };
        if (suggestion is null)
        {
            yield break;
        }
        yield return new RuleHit(root.From, $"{name.ShortName}:{tag} is the full image; a smaller one would do: {suggestion}", fix);
    }

    private static string SlimTag(string tag) => tag == "latest" ? "slim" : tag + "-slim";
}
