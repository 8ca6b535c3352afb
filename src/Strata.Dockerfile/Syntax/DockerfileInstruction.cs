namespace Strata.Dockerfile.Syntax;

/// <summary>
/// One instruction with everything the builder reads from it: the keyword (upper case), the flags, the arguments as
/// one logical line (continuations joined, comment lines inside removed), the exec (JSON) form when it is one, the
/// shell words with their spans, the heredocs, the names ARG/ENV/LABEL set, and ONBUILD's inner instruction.
/// Lines and columns are 1-based; spans point into the original text.
/// </summary>
public sealed class DockerfileInstruction : DockerfileNode
{
    private readonly LogicalText logical;

    internal DockerfileInstruction(IReadOnlyList<DockerfileToken> tokens, int line, int column, int endLine, InstructionParts parts)
        : base(tokens, line, column, endLine)
    {
        logical = parts.Logical;
        Keyword = parts.Keyword;
        KeywordSpan = parts.KeywordSpan;
        Flags = parts.Flags;
        Arguments = parts.Arguments;
        ArgumentsSpan = parts.ArgumentsSpan;
        ExecArguments = parts.ExecArguments;
        Words = parts.Words;
        Heredocs = parts.Heredocs;
        Variables = parts.Variables;
        Comments = parts.Comments;
        OnBuild = parts.OnBuild;
        Mounts = Flags.Where(f => f.Name == "mount").Select(MountReader.Read).ToList();
    }

    /// <summary>The keyword in upper case: <c>RUN</c>.</summary>
    public string Keyword { get; }

    public DockerfileSpan KeywordSpan { get; }

    /// <summary>The flags before the arguments, in order.</summary>
    public IReadOnlyList<DockerfileFlag> Flags { get; }

    /// <summary>The <c>--mount</c> flags, read.</summary>
    public IReadOnlyList<DockerfileMount> Mounts { get; }

    /// <summary>The arguments after the flags as one logical line: continuation lines joined as the builder joins them
    /// (escape character and line break removed, nothing added), comment and empty lines inside left out, trimmed.</summary>
    public string Arguments { get; }

    /// <summary>Where <see cref="Arguments"/> starts and ends in the original text (continuations inside included).</summary>
    public DockerfileSpan ArgumentsSpan { get; }

    /// <summary>True when the arguments are a JSON array of strings (RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD, VOLUME).</summary>
    public bool IsExecForm => ExecArguments is not null;

    /// <summary>The JSON array's strings, or null in shell form (also when the text starts with <c>[</c> but is not
    /// valid JSON, which the builder runs through the shell).</summary>
    public IReadOnlyList<string>? ExecArguments { get; }

    /// <summary>The shell words of the arguments (shell form only; empty in exec form), operators included.</summary>
    public IReadOnlyList<DockerfileWord> Words { get; }

    /// <summary>
    /// For a shell-form RUN (or ONBUILD RUN), the simple commands it runs: its words split at shell operators,
    /// followed by those of its heredoc bodies, each a list of words with spans (<c>apt-get install -y curl</c>).
    /// Empty for other instructions and in exec form.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<DockerfileWord>> Commands
    {
        get
        {
            var run = Keyword == "RUN" ? this : OnBuild?.Keyword == "RUN" ? OnBuild : null;
            if (run is null || run.IsExecForm)
            {
                return [];
            }
            return ShellWords.Commands(run.Words.Concat(Heredocs.SelectMany(h => h.Words.Prepend(Separator))));
        }
    }

    private static readonly DockerfileWord Separator = new(";", ";", default, true);

    /// <summary>The heredocs of a RUN, COPY or ADD (or of ONBUILD's inner one), in order.</summary>
    public IReadOnlyList<DockerfileHeredoc> Heredocs { get; }

    /// <summary>The names an ARG, ENV or LABEL sets, in order.</summary>
    public IReadOnlyList<DockerfileVariable> Variables { get; }

    /// <summary>Comment lines between this instruction's continuation lines.</summary>
    public IReadOnlyList<DockerfileComment> Comments { get; }

    /// <summary>For ONBUILD, the instruction it registers (spans in the original text); otherwise null.</summary>
    public DockerfileInstruction? OnBuild { get; }

    /// <summary>The comment lines directly above (no blank line between), nearest last: where
    /// <c># hadolint ignore=DL3009</c> goes. Set by the document.</summary>
    public IReadOnlyList<DockerfileComment> LeadingComments { get; internal set; } = [];

    /// <summary>The build stage the instruction belongs to (0-based), or -1 for an ARG before the first FROM.</summary>
    public int StageIndex { get; internal set; } = -1;

    /// <summary>The first flag with this name (lower case, no dashes), or null.</summary>
    public DockerfileFlag? Flag(string name) => Flags.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The instruction as one logical line: <c>KEYWORD arguments</c> (flags included, as written).</summary>
    public string LogicalText => logical.Text.Trim();

    /// <summary>The original offset of the character at <paramref name="index"/> in <see cref="Arguments"/>, so a
    /// position found in the logical text can be edited in the original.</summary>
    public int OffsetOfArgument(int index)
    {
        var start = ArgumentsSpan.Offset;
        var logicalStart = logical.IndexOfOffset(start);
        return logical.OffsetAt(logicalStart + index);
    }
}
