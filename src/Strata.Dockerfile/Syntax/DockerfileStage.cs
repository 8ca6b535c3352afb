namespace Strata.Dockerfile.Syntax;

/// <summary>
/// One build stage: its FROM (image, <c>--platform</c>, <c>AS name</c>), its index, and the instructions after the
/// FROM up to the next one. <see cref="Image"/> and <see cref="Platform"/> are as written; expand them with
/// <see cref="DockerfileDocument.Expand"/> at <see cref="From"/> for the ARGs declared before the first FROM.
/// </summary>
public sealed class DockerfileStage
{
    internal DockerfileStage(int index, DockerfileInstruction from, IReadOnlyList<DockerfileInstruction> instructions, int? baseStageIndex)
    {
        Index = index;
        From = from;
        Instructions = instructions;
        BaseStageIndex = baseStageIndex;
        var words = from.Words;
        Image = words[0].Text;
        ImageSpan = words[0].Span;
        if (words.Count == 3)
        {
            Name = words[2].Text.ToLowerInvariant();
            NameSpan = words[2].Span;
        }
    }

    /// <summary>The stage's position among the stages, 0-based.</summary>
    public int Index { get; }

    /// <summary>The stage name after AS, lower case (the builder compares names without case), or null.</summary>
    public string? Name { get; }

    public DockerfileSpan? NameSpan { get; }

    /// <summary>The image as written (<c>python:3.12</c>, <c>${BASE}</c>, or an earlier stage's name).</summary>
    public string Image { get; }

    public DockerfileSpan ImageSpan { get; }

    /// <summary>The <c>--platform</c> value as written, or null.</summary>
    public string? Platform => From.Flag("platform")?.Value;

    public DockerfileInstruction From { get; }

    /// <summary>The instructions after the FROM, up to the next FROM.</summary>
    public IReadOnlyList<DockerfileInstruction> Instructions { get; }

    /// <summary>When <see cref="Image"/> (expanded) names an earlier stage, that stage's index; otherwise null.</summary>
    public int? BaseStageIndex { get; }

    /// <summary>The FROM followed by <see cref="Instructions"/>.</summary>
    public IEnumerable<DockerfileInstruction> AllInstructions => Instructions.Prepend(From);
}
