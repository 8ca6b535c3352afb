using Strata.Dockerfile.Advice;
using Strata.Dockerfile.Rules.Shell;
using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Rules.Size;

/// <summary>
/// hadolint DL3042: <c>pip install</c> without <c>--no-cache-dir</c> keeps pip's download cache (~/.cache/pip) in the
/// layer. Not for pipx or pipenv; not when <c>PIP_NO_CACHE_DIR</c> is set true (ENV in the stage or its bases, or in
/// the RUN) or a cache mount covers .cache/pip. The safe fix inserts the flag after <c>install</c>.
/// </summary>
public sealed class PipNoCacheDirRule : DockerfileRule
{
    public const string Flag = "--no-cache-dir";

    private static readonly HashSet<string> Truthy = new(StringComparer.OrdinalIgnoreCase) { "1", "true", "on", "yes" };

    public override string Id => "STR1003";

    public override string? Hadolint => "DL3042";

    public override AdviceSeverity Severity => AdviceSeverity.Warning;

    public override string Title => "pip install without --no-cache-dir";

    public override string Description =>
        "pip keeps every downloaded wheel in ~/.cache/pip; in an image that cache is dead weight. " +
        "Use pip install --no-cache-dir, set ENV PIP_NO_CACHE_DIR=1, or mount a cache: RUN --mount=type=cache,target=/root/.cache/pip.";

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        var environment = NoCacheEnvironment(context);
        foreach (var run in context.Runs)
        {
            var inEnvironment = run.Stage is { } stage && environment.TryGetValue(stage, out var line) && line < run.Line;
            if (run.HasCacheMount(".cache/pip") || inEnvironment || run.Commands.Any(c => c.Assignments.Concat(c.Arguments).Any(SetsNoCache)))
            {
                continue;
            }
            var missing = run.Scripts
                .SelectMany(s => s.Commands.Select(c => (Script: s, Command: c)))
                .Where(x => InstallWord(x.Command) is not null && !x.Command.HasFlag("no-cache-dir"))
                .ToList();
            if (missing.Count == 0)
            {
                continue;
            }
            var edits = missing.All(x => x.Script.IsEditable)
                ? missing.Select(x => DockerfileEdit.Insert(InstallWord(x.Command)!.End, " " + Flag)).ToList()
                : [];
            yield return new RuleHit(run, "pip install without --no-cache-dir keeps pip's download cache in the layer", $"pip install {Flag} …")
            {
                Edits = edits,
                Paths = ["/root/.cache/pip"],
            };
        }
    }

    /// <summary>The <c>install</c> of <c>pip install</c>, <c>pip3 install</c> or <c>python -m pip install</c>, or null.</summary>
    internal static ShellWord? InstallWord(ShellCommand command)
    {
        var program = command.Program;
        if (program.StartsWith("pip", StringComparison.Ordinal) && !program.StartsWith("pipenv", StringComparison.Ordinal) && !program.StartsWith("pipx", StringComparison.Ordinal))
        {
            return command.Words.FirstOrDefault() is { Value: "install" } word ? word : null;
        }
        if (program.StartsWith("python", StringComparison.Ordinal))
        {
            var args = command.Arguments;
            for (var i = 0; i + 2 < args.Count; i++)
            {
                if (args[i].Value == "-m" && args[i + 1].Value == "pip" && args[i + 2].Value == "install")
                {
                    return args[i + 2];
                }
            }
        }
        return null;
    }

    private static bool SetsNoCache(ShellWord word) =>
        word.Value.StartsWith("PIP_NO_CACHE_DIR=", StringComparison.Ordinal) && Truthy.Contains(word.Value["PIP_NO_CACHE_DIR=".Length..]);

    /// <summary>
    /// The stages whose ENV sets PIP_NO_CACHE_DIR true, with the line of the first such ENV: a RUN after it, or in a
    /// stage built on such a stage, has pip's cache turned off. One pass, so a long file stays linear.
    /// </summary>
    private static Dictionary<LintStage, int> NoCacheEnvironment(LintContext context)
    {
        var firstLine = new Dictionary<LintStage, int>();
        foreach (var env in context.Instructions.Where(i => i.Keyword == "ENV" && i.Stage is not null))
        {
            if (env.Syntax.Variables.Any(v => v.Name == "PIP_NO_CACHE_DIR" && v.Value is { } value && Truthy.Contains(value.Trim('"', '\'')))
                && !firstLine.ContainsKey(env.Stage!))
            {
                firstLine[env.Stage!] = env.Line;
            }
        }
        foreach (var stage in context.Stages)
        {
            if (stage.BaseStage is { } parent && firstLine.ContainsKey(parent))
            {
                firstLine[stage] = Math.Min(firstLine.GetValueOrDefault(stage, int.MaxValue), 0);
            }
        }
        return firstLine;
    }
}
