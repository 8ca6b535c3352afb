namespace Strata.Dockerfile.Syntax;

/// <summary>
/// One top-level piece of a Dockerfile: a parser directive, a comment line, a blank line or an instruction (with the
/// continuation lines, comments and heredoc bodies inside it). Its tokens spell its text exactly, line ending included.
/// </summary>
public abstract class DockerfileNode
{
    private protected DockerfileNode(IReadOnlyList<DockerfileToken> tokens, int line, int column, int endLine)
    {
        Tokens = tokens;
        Line = line;
        Column = column;
        EndLine = endLine;
        FullSpan = tokens.Count == 0 ? default : DockerfileSpan.FromBounds(tokens[0].Span.Offset, tokens[^1].Span.End);
        var last = tokens.Count > 0 && tokens[^1].Kind == DockerfileTokenKind.NewLine ? tokens.Count - 1 : tokens.Count;
        var contentEnd = last == 0 ? FullSpan.Offset : tokens[last - 1].Span.End;
        var contentStart = tokens.FirstOrDefault(t => t.Kind is not (DockerfileTokenKind.ByteOrderMark or DockerfileTokenKind.Whitespace))?.Span.Offset ?? contentEnd;
        Span = DockerfileSpan.FromBounds(Math.Min(contentStart, contentEnd), contentEnd);
    }

    /// <summary>The tokens, in text order, trivia included.</summary>
    public IReadOnlyList<DockerfileToken> Tokens { get; }

    /// <summary>All of the node's text: leading indentation and the final line ending included.</summary>
    public DockerfileSpan FullSpan { get; }

    /// <summary>The node's text from its first non-blank character to the end of its last line, line ending excluded.</summary>
    public DockerfileSpan Span { get; }

    /// <summary>The line the node starts on, 1-based.</summary>
    public int Line { get; }

    /// <summary>The column of <see cref="Span"/>'s start, 1-based.</summary>
    public int Column { get; }

    /// <summary>The last line the node covers (a continuation line or a heredoc terminator), 1-based.</summary>
    public int EndLine { get; }

    /// <summary>The node's original text, exactly.</summary>
    public override string ToString() => string.Concat(Tokens.Select(t => t.Text));
}

/// <summary>A line holding nothing but spaces or tabs, or nothing at all.</summary>
public sealed class DockerfileBlankLine : DockerfileNode
{
    internal DockerfileBlankLine(IReadOnlyList<DockerfileToken> tokens, int line)
        : base(tokens, line, 1, line)
    {
    }
}

/// <summary>
/// A parser directive at the top of the file (<c># syntax=…</c>, <c># escape=…</c>, <c># check=…</c>): its name in
/// lower case and its value.
/// </summary>
public sealed class DockerfileDirective : DockerfileNode
{
    internal DockerfileDirective(IReadOnlyList<DockerfileToken> tokens, int line, int column, string name, string value)
        : base(tokens, line, column, line)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; }

    public string Value { get; }
}

/// <summary>
/// A comment line: on its own between instructions, or inside an instruction between continuation lines (which the
/// builder skips). <see cref="Text"/> is what follows the <c>#</c>, trimmed.
/// </summary>
public sealed class DockerfileComment : DockerfileNode
{
    internal DockerfileComment(IReadOnlyList<DockerfileToken> tokens, int line, int column, string text, bool insideInstruction)
        : base(tokens, line, column, line)
    {
        Text = text;
        IsInsideInstruction = insideInstruction;
    }

    /// <summary>The comment without its <c>#</c>, white space trimmed: <c>hadolint ignore=DL3009</c>.</summary>
    public string Text { get; }

    /// <summary>True for a comment line between the continuation lines of an instruction.</summary>
    public bool IsInsideInstruction { get; }
}
