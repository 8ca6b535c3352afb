namespace Strata.Dockerfile.Syntax;

/// <summary>
/// The ARG and ENV values in effect at an instruction, built as the builder builds them. ARGs before the first FROM
/// are the global scope: FROM lines see them; inside a stage a global ARG is seen only after an <c>ARG NAME</c>
/// declares it again (taking the global default unless it gives its own). A stage's ARG and ENV are seen from the
/// next instruction on; ENV wins over an ARG of the same name; a stage built FROM an earlier stage inherits that
/// stage's ARG and ENV values. Build arguments given to the build override ARG defaults, and the automatic platform
/// ARGs (<c>TARGETPLATFORM</c>, <c>BUILDPLATFORM</c>, …) are global when given. Unset names are null.
/// </summary>
internal sealed class VariableScope
{
    private readonly DockerfileDocument document;
    private readonly IReadOnlyDictionary<string, string> buildArgs;

    public VariableScope(DockerfileDocument document, IReadOnlyDictionary<string, string>? buildArgs)
    {
        this.document = document;
        this.buildArgs = buildArgs ?? new Dictionary<string, string>();
    }

    /// <summary>The names set before <paramref name="at"/> (ENV over ARG), values expanded; unset names map to null.</summary>
    public Dictionary<string, string?> At(DockerfileInstruction at)
    {
        var global = Global(at.StageIndex < 0 ? at.Span.Offset : int.MaxValue);
        if (at.StageIndex < 0 || at.Keyword == "FROM" && at.StageIndex >= 0 && document.Stages[at.StageIndex].From == at)
        {
            return global;
        }
        var (args, env) = Stage(document.Stages[at.StageIndex], at.Span.Offset, global, depth: 0);
        foreach (var (name, value) in env)
        {
            args[name] = value;
        }
        return args;
    }

    /// <summary>The platform ARGs BuildKit defines in the global scope without an ARG instruction.</summary>
    private static readonly string[] AutomaticPlatformArgs =
    [
        "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
    ];

    internal Dictionary<string, string?> Global(int before)
    {
        var global = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in AutomaticPlatformArgs.Where(buildArgs.ContainsKey))
        {
            global[name] = buildArgs[name];
        }
        foreach (var instruction in document.GlobalArgs.Where(i => i.Span.Offset < before))
        {
            var scope = new Dictionary<string, string?>(global, StringComparer.Ordinal);
            foreach (var variable in instruction.Variables)
            {
                global[variable.Name] = buildArgs.TryGetValue(variable.Name, out var given) ? given
                    : variable.Value is null ? null
                    : Expand(variable.Value, scope);
            }
        }
        return global;
    }

    private (Dictionary<string, string?> Args, Dictionary<string, string?> Env) Stage(DockerfileStage stage, int before,
        Dictionary<string, string?> global, int depth)
    {
        var (args, env) = stage.BaseStageIndex is { } parent && parent < stage.Index && depth < document.Stages.Count
            ? Stage(document.Stages[parent], int.MaxValue, global, depth + 1)
            : (new Dictionary<string, string?>(StringComparer.Ordinal), new Dictionary<string, string?>(StringComparer.Ordinal));
        foreach (var instruction in stage.Instructions.Where(i => i.Span.Offset < before && i.Keyword is "ARG" or "ENV"))
        {
            // Every variable of one instruction sees the values from before it (ENV abc=bye def=$abc sets def to
            // the old abc).
            var scope = Lookup(args, env);
            foreach (var variable in instruction.Variables)
            {
                if (instruction.Keyword == "ENV")
                {
                    env[variable.Name] = Expand(variable.Value ?? "", scope);
                }
                else
                {
                    args[variable.Name] = buildArgs.TryGetValue(variable.Name, out var given) ? given
                        : variable.Value is not null ? Expand(variable.Value, scope)
                        : global.GetValueOrDefault(variable.Name);
                }
            }
        }
        return (args, env);
    }

    private static Dictionary<string, string?> Lookup(Dictionary<string, string?> args, Dictionary<string, string?> env)
    {
        var merged = new Dictionary<string, string?>(args, StringComparer.Ordinal);
        foreach (var (name, value) in env)
        {
            merged[name] = value;
        }
        return merged;
    }

    private string Expand(string word, Dictionary<string, string?> scope) =>
        VariableExpander.Expand(word, name => scope.GetValueOrDefault(name), document.EscapeCharacter);
}
