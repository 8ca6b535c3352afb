using Strata.Dockerfile.Rules.Shell;
using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Rules;

/// <summary>
/// An instruction as the rules see it: the parsed instruction (for ONBUILD, the one it registers), the line it is on,
/// its stage, and for RUN the shell scripts it runs (its shell-form arguments, and heredoc bodies fed to a shell) read
/// into commands whose words keep their offsets in the original text.
/// </summary>
public sealed class LintInstruction
{
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "ash", "dash", "zsh", "ksh", "busybox" };

    internal LintInstruction(DockerfileInstruction syntax, DockerfileInstruction outer, string text, char escape)
    {
        Syntax = syntax;
        Outer = outer;
        Scripts = Syntax.Keyword == "RUN" ? ReadScripts(syntax, text, escape) : [];
    }

    /// <summary>The instruction the rules judge: for <c>ONBUILD RUN …</c>, the RUN.</summary>
    public DockerfileInstruction Syntax { get; }

    /// <summary>The instruction as written at the top level (the ONBUILD itself), where ignore comments go.</summary>
    public DockerfileInstruction Outer { get; }

    public string Keyword => Syntax.Keyword;

    public int Line => Outer.Line;

    public bool IsOnBuild => !ReferenceEquals(Syntax, Outer);

    /// <summary>For an ONBUILD, the instruction it registers; otherwise null.</summary>
    public LintInstruction? Inner { get; internal set; }

    /// <summary>The stage the instruction belongs to, or null for an ARG before the first FROM.</summary>
    public LintStage? Stage { get; internal set; }

    /// <summary>The shell scripts a RUN runs: its shell-form arguments first (or its exec form's words), then heredoc bodies.</summary>
    public IReadOnlyList<ShellScript> Scripts { get; }

    /// <summary>The RUN's own arguments as a script (not a heredoc), or null.</summary>
    public ShellScript? Script => Scripts.Count > 0 && !Syntax.IsExecForm ? Scripts[0] : null;

    public IEnumerable<ShellCommand> Commands => Scripts.SelectMany(s => s.Commands);

    /// <summary>The arguments as words, quotes removed: the exec form's strings, or the shell form's words without operators.</summary>
    public IReadOnlyList<string> Operands => Syntax.ExecArguments ?? Syntax.Words.Where(w => !w.IsOperator).Select(w => w.Value).ToList();

    /// <summary>Whether a <c>--mount=type=cache</c> (or tmpfs) targets a folder whose path contains one of the fragments.</summary>
    public bool HasCacheMount(params string[] fragments) => Syntax.Mounts.Any(m =>
        m.Type is "cache" or "tmpfs" && m.Target is { } target && fragments.Any(f => target.Contains(f, StringComparison.Ordinal)));

    private static List<ShellScript> ReadScripts(DockerfileInstruction run, string text, char escape)
    {
        var scripts = new List<ShellScript>();
        if (run.ExecArguments is { } exec)
        {
            // Exec form: no shell, no offsets to edit; a "sh -c SCRIPT" still runs a script.
            if (exec.Count >= 3 && Shells.Contains(Path.GetFileName(exec[0])) && exec[1] == "-c")
            {
                scripts.Add(ShellScript.Parse(exec[2], offset: null));
            }
            else if (exec.Count > 0)
            {
                scripts.Add(ShellScript.Parse(string.Join(' ', exec.Select(Quote)), offset: null));
            }
            return scripts;
        }
        var main = ShellScript.Parse(run.ArgumentsSpan.Of(text), run.ArgumentsSpan.Offset, escape);
        scripts.Add(main);
        // A heredoc is a script when RUN runs it directly (RUN <<EOF) or hands it to a shell (RUN bash <<EOF).
        var feedsShell = main.Commands.Count == 0 || main.Commands.All(c => Shells.Contains(c.Program));
        foreach (var heredoc in run.Heredocs)
        {
            var body = heredoc.BodySpan.Of(text);
            var shebang = body.TrimStart().StartsWith("#!", StringComparison.Ordinal) && !Shells.Any(s => body.TrimStart().Split('\n')[0].EndsWith(s, StringComparison.Ordinal));
            if (feedsShell && !shebang && heredoc.FileDescriptor == 0)
            {
                scripts.Add(ShellScript.Parse(body, heredoc.BodySpan.Offset));
            }
        }
        return scripts;
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
