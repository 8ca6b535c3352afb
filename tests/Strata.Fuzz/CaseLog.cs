namespace Strata.Fuzz;

/// <summary>How deep a command reads an image: a defect only has to be refused by the commands that reach it.</summary>
internal enum Reach
{
    /// <summary>Index, manifest, config: every command reads these.</summary>
    Manifest,

    /// <summary>Layer blobs as bytes: pull, analyze and sbom.</summary>
    Blobs,

    /// <summary>Layer contents (tar, files): analyze and sbom.</summary>
    Content,
}

/// <summary>What a case did to its input, step by step, and what the promise says strata must make of it.</summary>
internal sealed class CaseLog
{
    private readonly List<string> _steps = [];

    public IReadOnlyList<string> Steps => _steps;

    /// <summary>Why the input is invalid, when it is, and which commands read deep enough to see it.</summary>
    public (string Reason, Reach Reach)? MustRefuse { get; private set; }

    /// <summary>Why the input is legal, when a mutation kept it so.</summary>
    public string? MustAccept { get; private set; }

    public void Add(string step) => _steps.Add(step);

    public void Refuse(string reason, Reach reach) => MustRefuse ??= (reason, reach);

    public void Accept(string reason) => MustAccept ??= reason;

    public override string ToString() => string.Join("; ", _steps);
}
