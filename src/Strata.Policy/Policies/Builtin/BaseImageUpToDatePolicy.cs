namespace Strata.Policy.Policies.Builtin;

/// <summary>
/// The base image is the newest build of its tag: with --online, the tag the
/// <c>org.opencontainers.image.base.name</c> label names is looked up in its registry, and the digest it points to
/// now (the index's or this platform's manifest's) must be the one the <c>org.opencontainers.image.base.digest</c>
/// label recorded. Offline, or without both labels, there is nothing to compare: SKIP, saying so.
/// </summary>
public sealed class BaseImageUpToDatePolicy : IPolicy
{
    public const string PolicyName = "base-image-up-to-date";

    public string Name => PolicyName;

    public string Description => "The base image's tag still points to the digest the image was built from (--online)";

    public static BaseImageUpToDatePolicy Read(PolicyParameters parameters)
    {
        parameters.Finish();
        return new BaseImageUpToDatePolicy();
    }

    public PolicyResult Evaluate(PolicyContext context)
    {
        if (context.Environment.ResolveDigests is not { } resolve)
        {
            return PolicyResult.Skip(Name, "needs --online to read the base tag's current digest from its registry");
        }
        var detected = context.Assessment.Base;
        if (detected.Name is not { } label || detected.Digest is not { } built)
        {
            return PolicyResult.Skip(Name,
                "the image does not record its base: it needs the org.opencontainers.image.base.name and org.opencontainers.image.base.digest labels");
        }
        var name = ImageName.Parse(label);
        var reference = (name with { Digest = null, Tag = name.Tag ?? "latest" }).ToString();
        var (digests, error) = resolve(reference);
        if (digests is null)
        {
            return PolicyResult.Skip(Name, $"{reference}: the registry could not be read: {error}");
        }
        var evidence = new List<string> { $"base: {reference}", $"built from: {built}" };
        evidence.AddRange(digests.Select(d => $"now: {d}"));
        return digests.Contains(built, StringComparer.Ordinal)
            ? PolicyResult.Pass(Name, $"{reference} still points to {built}", evidence)
            : PolicyResult.Fail(Name, $"{reference} now points to {digests[0]}, not {built}: rebuild on the new base", evidence);
    }
}
