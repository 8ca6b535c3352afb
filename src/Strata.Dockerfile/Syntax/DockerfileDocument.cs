using System.Text;

namespace Strata.Dockerfile.Syntax;

/// <summary>
/// A parsed Dockerfile that keeps every character: <see cref="ToString"/> gives back the exact text, and every
/// instruction, flag, word and heredoc knows its span in it, so a fix is an edit at an offset
/// (<see cref="Apply"/>). Parsing follows the Dockerfile reference and rejects what the builder rejects (unknown
/// instructions and flags, unterminated heredocs, no FROM) with a <see cref="DockerfileParseException"/> naming
/// the line and the column.
/// </summary>
public sealed class DockerfileDocument
{
    /// <summary>The largest Dockerfile <see cref="Load"/> reads.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    private readonly SourcePositions positions;

    private DockerfileDocument(string text, string? path)
    {
        Text = text;
        Path = path;
        (var nodes, EscapeCharacter, positions) = new DocumentParser(text, path).Parse();
        Nodes = nodes;
        Directives = [.. nodes.OfType<DockerfileDirective>()];
        Instructions = [.. nodes.OfType<DockerfileInstruction>()];
        Comments = [.. nodes.SelectMany(n => n switch
        {
            DockerfileComment comment => [comment],
            DockerfileInstruction instruction => instruction.Comments,
            _ => [],
        })];
        SetLeadingComments();
        Stages = [];
        GlobalArgs = [.. Instructions.TakeWhile(i => i.Keyword == "ARG")];
        Check();
        Stages = BuildStages();
    }

    /// <summary>The file named in errors, or null.</summary>
    public string? Path { get; }

    /// <summary>The original text.</summary>
    public string Text { get; }

    /// <summary>The escape character: <c>\</c>, or <c>`</c> after <c># escape=`</c>.</summary>
    public char EscapeCharacter { get; }

    /// <summary>Every top-level node in order: directives, comments, blank lines and instructions.</summary>
    public IReadOnlyList<DockerfileNode> Nodes { get; }

    public IReadOnlyList<DockerfileDirective> Directives { get; }

    /// <summary>The instructions in order (ONBUILD's inner instructions are reached through <see cref="DockerfileInstruction.OnBuild"/>).</summary>
    public IReadOnlyList<DockerfileInstruction> Instructions { get; }

    /// <summary>Every comment line in order, those inside instructions included.</summary>
    public IReadOnlyList<DockerfileComment> Comments { get; }

    /// <summary>The ARG instructions before the first FROM (the global scope FROM lines see).</summary>
    public IReadOnlyList<DockerfileInstruction> GlobalArgs { get; }

    public IReadOnlyList<DockerfileStage> Stages { get; }

    /// <summary>The last stage: the one a build without <c>--target</c> produces.</summary>
    public DockerfileStage FinalStage => Stages[^1];

    /// <summary>Every token in order; their texts concatenated are <see cref="Text"/>.</summary>
    public IEnumerable<DockerfileToken> Tokens => Nodes.SelectMany(n => n.Tokens);

    /// <summary>Parses <paramref name="text"/>; <paramref name="path"/> only names the file in errors.</summary>
    public static DockerfileDocument Parse(string text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new DockerfileDocument(text, path);
    }

    /// <summary>Reads and parses a Dockerfile. The text is decoded as UTF-8 with a byte order mark kept as a
    /// character, so writing <see cref="ToString"/> back as UTF-8 (without adding one) gives the same bytes.</summary>
    public static DockerfileDocument Load(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxFileBytes)
            {
                throw new DockerfileParseException(path, 1, 1, $"the file is {info.Length} bytes; a Dockerfile over {MaxFileBytes} bytes is not read");
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DockerfileParseException($"{path}: cannot read the Dockerfile: {e.Message}", e);
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var offset = e.Index < 0 ? 0 : e.Index;
            var prefix = Encoding.UTF8.GetString(bytes, 0, Math.Min(offset, bytes.Length));
            var (line, column) = new SourcePositions(prefix).Of(prefix.Length);
            throw new DockerfileParseException(path, line, column, "the file is not UTF-8 text");
        }
        return new DockerfileDocument(text, path);
    }

    /// <summary>The value of a parser directive (<c>syntax</c>, <c>escape</c>, <c>check</c>), or null.</summary>
    public string? Directive(string name) =>
        Directives.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>The 1-based line and column of an offset in <see cref="Text"/>.</summary>
    public (int Line, int Column) PositionOf(int offset) => positions.Of(offset);

    /// <summary>The instruction covering the line (1-based), or null.</summary>
    public DockerfileInstruction? InstructionAt(int line) => Instructions.FirstOrDefault(i => i.Line <= line && line <= i.EndLine);

    /// <summary>
    /// Processes a word as the builder does when <paramref name="at"/> runs: quotes and escapes removed, and
    /// <c>$V</c>, <c>${V}</c>, <c>${V:-x}</c>, <c>${V:+x}</c> (and <c>-</c>, <c>+</c> without the colon) substituted from
    /// the ARG and ENV values in effect there (see <see cref="VariablesAt"/>). Unset names expand to nothing.
    /// </summary>
    public string Expand(string word, DockerfileInstruction at, IReadOnlyDictionary<string, string>? buildArgs = null)
    {
        var scope = VariablesAt(at, buildArgs);
        return VariableExpander.Expand(word, name => scope.GetValueOrDefault(name), EscapeCharacter);
    }

    /// <summary>
    /// The ARG and ENV values in effect when <paramref name="at"/> runs (unset ARGs map to null): for a FROM, the ARGs
    /// before the first FROM; in a stage, its ARGs (a global one only once declared again) and ENVs before
    /// <paramref name="at"/>, ENV winning, plus the ENV of the stage it is built FROM. <paramref name="buildArgs"/>
    /// override ARG defaults as <c>--build-arg</c> does.
    /// </summary>
    public IReadOnlyDictionary<string, string?> VariablesAt(DockerfileInstruction at, IReadOnlyDictionary<string, string>? buildArgs = null)
    {
        ArgumentNullException.ThrowIfNull(at);
        return new VariableScope(this, buildArgs).At(at);
    }

    /// <summary>
    /// The text with <paramref name="edits"/> applied, all offsets in the original text. Edits must not overlap;
    /// insertions at the same offset keep their order. Parse the result to get a document again.
    /// </summary>
    public string Apply(IEnumerable<DockerfileEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        var ordered = edits.Select((edit, order) => (edit, order)).OrderBy(e => e.edit.Offset).ThenBy(e => e.edit.Length).ThenBy(e => e.order).Select(e => e.edit).ToList();
        var result = new StringBuilder(Text.Length);
        var position = 0;
        foreach (var edit in ordered)
        {
            if (edit.Offset < 0 || edit.Length < 0 || edit.Offset + edit.Length > Text.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(edits), $"the edit at {edit.Offset} (length {edit.Length}) is outside the text ({Text.Length} characters)");
            }
            if (edit.Offset < position)
            {
                throw new ArgumentException($"the edit at {edit.Offset} overlaps the one before it, which ends at {position}", nameof(edits));
            }
            result.Append(Text, position, edit.Offset - position).Append(edit.Replacement);
            position = edit.Offset + edit.Length;
        }
        return result.Append(Text, position, Text.Length - position).ToString();
    }

    /// <summary>The text spelled by the tokens, which is the original text exactly.</summary>
    public override string ToString() => string.Concat(Nodes.Select(n => n.ToString()));

    private void SetLeadingComments()
    {
        var run = new List<DockerfileComment>();
        foreach (var node in Nodes)
        {
            switch (node)
            {
                case DockerfileComment comment:
                    run.Add(comment);
                    break;
                case DockerfileInstruction instruction:
                    instruction.LeadingComments = [.. run];
                    run.Clear();
                    break;
                default:
                    run.Clear();
                    break;
            }
        }
    }

    /// <summary>The builder needs a FROM, and only ARG may come before the first one.</summary>
    private void Check()
    {
        if (Instructions.Count == 0)
        {
            var (line, column) = positions.Of(Text.Length);
            throw new DockerfileParseException(Path, line, column, "the Dockerfile has no instructions; it needs at least a FROM");
        }
        var first = Instructions.FirstOrDefault(i => i.Keyword != "ARG");
        if (first is null || first.Keyword != "FROM")
        {
            var at = first ?? Instructions[^1];
            throw new DockerfileParseException(Path, at.Line, at.Column, first is null
                ? "the Dockerfile has no FROM; only ARG instructions were found"
                : $"{first.Keyword} comes before the first FROM; only ARG may come before FROM");
        }
    }

    private List<DockerfileStage> BuildStages()
    {
        var stages = new List<DockerfileStage>();
        var index = -1;
        var members = new List<List<DockerfileInstruction>>();
        foreach (var instruction in Instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                index++;
                members.Add([]);
            }
            instruction.StageIndex = index;
            if (instruction.OnBuild is { } inner)
            {
                inner.StageIndex = index;
            }
            if (index >= 0 && instruction.Keyword != "FROM")
            {
                members[index].Add(instruction);
            }
        }
        var froms = Instructions.Where(i => i.Keyword == "FROM").ToList();
        var global = new VariableScope(this, null).Global(int.MaxValue);
        for (var i = 0; i < froms.Count; i++)
        {
            var image = VariableExpander.Expand(froms[i].Words[0].Text, name => global.GetValueOrDefault(name), EscapeCharacter);
            var parent = stages.FindIndex(s => s.Name is not null && s.Name.Equals(image, StringComparison.OrdinalIgnoreCase));
            stages.Add(new DockerfileStage(i, froms[i], members[i], parent < 0 ? null : parent));
        }
        return stages;
    }
}
