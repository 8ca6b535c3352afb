using System.Text.RegularExpressions;
using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Rules;

/// <summary>
/// A parsed Dockerfile as the rules read it: its instructions (ONBUILD's inner ones too), RUN scripts read into
/// commands, and the stages with their images expanded and the stages that reach the final image marked.
/// </summary>
public sealed partial class LintContext
{
    private LintContext(DockerfileDocument document, IReadOnlyList<LintInstruction> instructions, IReadOnlyList<LintStage> stages)
    {
        Document = document;
        Instructions = instructions;
        AllInstructions = instructions.Select(i => i.Inner ?? i).ToList();
        Runs = AllInstructions.Where(i => i.Keyword == "RUN").ToList();
        Stages = stages;
    }

    public DockerfileDocument Document { get; }

    public string Text => Document.Text;

    /// <summary>The top-level instructions in order (an ONBUILD as itself).</summary>
    public IReadOnlyList<LintInstruction> Instructions { get; }

    /// <summary>The instructions in order, each ONBUILD replaced by the instruction it registers.</summary>
    public IReadOnlyList<LintInstruction> AllInstructions { get; }

    /// <summary>Every RUN, those registered by ONBUILD included.</summary>
    public IReadOnlyList<LintInstruction> Runs { get; }

    public IReadOnlyList<LintStage> Stages { get; }

    public LintStage? FinalStage => Stages.Count > 0 ? Stages[^1] : null;

    public static LintContext From(DockerfileDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var escape = document.EscapeCharacter;
        var instructions = new List<LintInstruction>();
        var byInstruction = new Dictionary<DockerfileInstruction, LintInstruction>();
        foreach (var syntax in document.Instructions)
        {
            var instruction = new LintInstruction(syntax, syntax, document.Text, escape);
            if (syntax.OnBuild is { } inner)
            {
                instruction.Inner = new LintInstruction(inner, syntax, document.Text, escape);
            }
            instructions.Add(instruction);
            byInstruction[syntax] = instruction;
        }
        var stages = new List<LintStage>();
        foreach (var stage in document.Stages)
        {
            var baseStage = stage.BaseStageIndex is { } parent ? stages[parent] : null;
            var lintStage = new LintStage(stage.Index, byInstruction[stage.From], stage.Name, baseStage is null ? ExpandImage(document, stage) : null, baseStage);
            foreach (var member in stage.AllInstructions)
            {
                var instruction = byInstruction[member];
                instruction.Stage = lintStage;
                if (instruction.Inner is { } inner)
                {
                    inner.Stage = lintStage;
                }
                if (member != stage.From)
                {
                    lintStage.Add(instruction);
                }
            }
            stages.Add(lintStage);
        }
        if (stages.Count > 0)
        {
            stages[^1].IsFinal = true;
            foreach (var stage in stages[^1].Lineage)
            {
                stage.InFinalImage = true;
            }
        }
        return new LintContext(document, instructions, stages);
    }

    /// <summary>The FROM image with the global ARG defaults substituted, or null when a variable in it has no value.</summary>
    private static string? ExpandImage(DockerfileDocument document, DockerfileStage stage)
    {
        var variables = document.VariablesAt(stage.From);
        foreach (Match match in VariableName().Matches(stage.Image))
        {
            var name = match.Groups[1].Value;
            var defaulted = match.Value.StartsWith("${", StringComparison.Ordinal) && stage.Image.AsSpan(match.Index + match.Length).StartsWith(":-");
            if (!defaulted && variables.GetValueOrDefault(name) is null)
            {
                return null;
            }
        }
        var image = document.Expand(stage.Image, stage.From);
        return image.Length == 0 ? null : image;
    }

    [GeneratedRegex(@"\$\{?([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariableName();
}
