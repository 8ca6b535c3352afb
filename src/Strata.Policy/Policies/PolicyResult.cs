namespace Strata.Policy.Policies;

public enum PolicyStatus
{
    Pass,
    Fail,
    Skip,
}

/// <summary>One policy's verdict on an image, with why and what it saw (package URLs, vulnerability IDs, paths, sizes).</summary>
public sealed record PolicyResult(string Name, PolicyStatus Status, string Reason, IReadOnlyList<string> Evidence)
{
    /// <summary>The Dockerfile line to change, when the image was assessed with its Dockerfile and the policy can tell.</summary>
    public int? Line { get; init; }

    public static PolicyResult Pass(string name, string reason, IReadOnlyList<string>? evidence = null) => new(name, PolicyStatus.Pass, reason, evidence ?? []);

    public static PolicyResult Fail(string name, string reason, IReadOnlyList<string>? evidence = null) => new(name, PolicyStatus.Fail, reason, evidence ?? []);

    public static PolicyResult Skip(string name, string reason) => new(name, PolicyStatus.Skip, reason, []);
}
