using Strata.Analysis.Base;

namespace Strata.Policy.Policies.Builtin;

/// <summary>
/// The image is built on an approved base: the base's name, from the OCI label
/// <c>org.opencontainers.image.base.name</c> (which <c>scan --ignore-base</c> reads too), matches one of the
/// <c>patterns</c>. Patterns are compared in full (<c>debian</c> means <c>docker.io/library/debian</c>), with and
/// without the tag, so <c>docker.io/library/*</c> allows every official image and <c>docker.io/library/debian:12*</c>
/// only Debian 12. A base the image does not name fails: nothing else says which image it is.
/// </summary>
public sealed class ApprovedBaseImagesPolicy(IReadOnlyList<string> patterns) : IPolicy
{
    public const string PolicyName = "approved-base-images";

    public static readonly IReadOnlyList<string> DefaultPatterns =
        ["docker.io/library/*", "gcr.io/distroless/*", "cgr.dev/chainguard/*", "mcr.microsoft.com/*", "registry.access.redhat.com/*"];

    public string Name => PolicyName;

    public string Description => $"The base image is one of {string.Join(", ", patterns)}";

    public static ApprovedBaseImagesPolicy Read(PolicyParameters parameters)
    {
        var patterns = parameters.Strings("patterns", DefaultPatterns);
        parameters.Finish();
        return new ApprovedBaseImagesPolicy(patterns);
    }

    public PolicyResult Evaluate(PolicyContext context)
    {
        var detected = context.Assessment.Base;
        if (detected.Name is not { } label)
        {
            var layers = detected.Layers is { } count ? $"the history shows a base of {(count == 1 ? "1 layer" : $"{count} layers")}, but " : "";
            var why = detected.Layers is null && detected.Reason is { } reason ? $" ({reason})" : "";
            return PolicyResult.Fail(Name,
                $"the base image cannot be identified: {layers}the image has no org.opencontainers.image.base.name label{why}",
                [$"base: {detected.Source ?? "not found"}"]);
        }
        var name = ImageName.Parse(label);
        var tagged = name with { Digest = null };
        var match = patterns.FirstOrDefault(p => GlobPattern.Matches(Qualified(p), name.Repository) || GlobPattern.Matches(Qualified(p), tagged.ToString()));
        var evidence = new List<string> { $"base: {label} (from the {BaseImageDetector.BaseNameLabel} label)" };
        return match is not null
            ? PolicyResult.Pass(Name, $"the base {tagged} matches {match}", evidence)
            : PolicyResult.Fail(Name, $"the base {tagged} matches none of the approved patterns", evidence);
    }

    /// <summary>A pattern spelt out as names are (<c>debian:*</c> is <c>docker.io/library/debian:*</c>); one that starts with '*' stays as it is.</summary>
    private static string Qualified(string pattern) => pattern.StartsWith('*') ? pattern : ImageName.Qualify(pattern);
}
