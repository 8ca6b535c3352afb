namespace Strata.Dockerfile.Rules;

/// <summary>
/// One build stage: its FROM, its name, the image it starts from (ARG defaults expanded) or the earlier stage it
/// builds on, and its instructions. <see cref="InFinalImage"/> marks the final stage and the stages it builds on,
/// whose layers all end up in the image the Dockerfile produces.
/// </summary>
public sealed class LintStage
{
    private readonly List<LintInstruction> instructions = [];

    internal LintStage(int index, LintInstruction from, string? name, string? image, LintStage? baseStage)
    {
        Index = index;
        From = from;
        Name = name;
        Image = image;
        BaseStage = baseStage;
    }

    public int Index { get; }

    public LintInstruction From { get; }

    /// <summary>The name after <c>AS</c>, or null.</summary>
    public string? Name { get; }

    /// <summary>The image reference with ARG defaults expanded; null when a variable in it has no value, or when the stage builds on an earlier stage.</summary>
    public string? Image { get; }

    /// <summary>The earlier stage this one builds on (<c>FROM builder</c>), or null.</summary>
    public LintStage? BaseStage { get; }

    public bool IsFinal { get; internal set; }

    public bool InFinalImage { get; internal set; }

    /// <summary>The stage's instructions after its FROM, ONBUILD ones as written.</summary>
    public IReadOnlyList<LintInstruction> Instructions => instructions;

    /// <summary>This stage and the stages it builds on, nearest first.</summary>
    public IEnumerable<LintStage> Lineage
    {
        get
        {
            for (var stage = this; stage is not null; stage = stage.BaseStage)
            {
                yield return stage;
            }
        }
    }

    /// <summary>The image the lineage starts from, or null.</summary>
    public string? RootImage => Lineage.Last().Image;

    internal void Add(LintInstruction instruction) => instructions.Add(instruction);
}
