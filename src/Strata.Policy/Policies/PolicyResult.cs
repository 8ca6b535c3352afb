namespace Strata.Policy.Policies;

public enum PolicyStatus
{
    Pass,
    Fail,
    Skip,
}

/// <summary>One policy's verdict on an image, with why and what it saw (package URLs, vulnerability IDs, paths, sizes).</summary>
public sealed record PolicyResult(string Name, PolicyStatus Status, string Reason, IReadOnlyList<string> Evidence);
