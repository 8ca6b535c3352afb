namespace Strata.Dockerfile.Syntax;

/// <summary>
/// Turns the text into the lossless node list, following the builder's reading of a Dockerfile: parser directives
/// first (until the first line that is not one), then blank lines, comment lines and instructions. An instruction
/// line ending in the escape character (spaces and tabs may follow it) continues on the next line; comment lines and
/// empty lines met while continuing are skipped. A RUN, COPY or ADD's heredoc bodies follow its last line, in order.
/// Every character of the text lands in exactly one token.
/// </summary>
internal sealed class DocumentParser
{
    private static readonly IReadOnlySet<string> DirectiveNames = new HashSet<string>(StringComparer.Ordinal) { "syntax", "escape", "check" };

    private readonly string text;
    private readonly string? path;
    private readonly List<PhysicalLine> lines;
    private readonly SourcePositions positions;
    private readonly List<DockerfileNode> nodes = [];
    private char escape = '\\';
    private int index;

    public DocumentParser(string text, string? path)
    {
        this.text = text;
        this.path = path;
        lines = PhysicalLine.Split(text);
        positions = new SourcePositions(text);
    }

    public (List<DockerfileNode> Nodes, char Escape, SourcePositions Positions) Parse()
    {
        ReadDirectives();
        var reader = new InstructionReader(text, escape, positions, Error);
        while (index < lines.Count)
        {
            var line = lines[index];
            var tokens = new List<DockerfileToken>();
            var contentStart = AddLeading(tokens, line);
            if (contentStart == line.End)
            {
                AddNewLine(tokens, line);
                nodes.Add(new DockerfileBlankLine(tokens, line.Number));
                index++;
            }
            else if (text[contentStart] == '#')
            {
                nodes.Add(Comment(tokens, line, contentStart, insideInstruction: false));
                index++;
            }
            else
            {
                nodes.Add(ReadInstruction(tokens, contentStart, reader));
            }
        }
        return (nodes, escape, positions);
    }

    private void ReadDirectives()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (index < lines.Count)
        {
            var line = lines[index];
            var tokens = new List<DockerfileToken>();
            var contentStart = AddLeading(tokens, line);
            if (DirectiveLine.Read(text.AsSpan(contentStart, line.End - contentStart)) is not var (written, value, valueIndex)
                || !DirectiveNames.Contains(written.ToLowerInvariant()))
            {
                return;
            }
            var name = written.ToLowerInvariant();
            if (!seen.Add(name))
            {
                throw Error(contentStart, $"the {name} directive is given twice; only one is allowed");
            }
            if (name == "escape")
            {
                if (value is not ("\\" or "`"))
                {
                    throw Error(contentStart + valueIndex, $"invalid escape character '{value}': it must be \\ or `");
                }
                escape = value[0];
            }
            tokens.Add(Token(DockerfileTokenKind.Directive, contentStart, line.End));
            AddNewLine(tokens, line);
            nodes.Add(new DockerfileDirective(tokens, line.Number, positions.Of(contentStart).Column, name, value));
            index++;
        }
    }

    private DockerfileInstruction ReadInstruction(List<DockerfileToken> tokens, int contentStart, InstructionReader reader)
    {
        var first = lines[index];
        var builder = new LogicalText.Builder(text, contentStart);
        var comments = new List<DockerfileComment>();
        var continuation = ContinuationStart(contentStart, first.End);
        var textEnd = continuation >= 0 ? continuation : first.End;
        var keywordEnd = contentStart;
        while (keywordEnd < textEnd && !char.IsWhiteSpace(text[keywordEnd]))
        {
            keywordEnd++;
        }
        AddToken(tokens, DockerfileTokenKind.Keyword, contentStart, keywordEnd);
        AddToken(tokens, DockerfileTokenKind.Text, keywordEnd, textEnd);
        builder.Append(contentStart, textEnd - contentStart);
        AddToken(tokens, DockerfileTokenKind.LineContinuation, textEnd, first.End);
        AddNewLine(tokens, first);
        var endLine = first.Number;
        index++;
        var continues = continuation >= 0;
        while (continues && index < lines.Count)
        {
            var line = lines[index];
            index++;
            endLine = line.Number;
            var indent = line.Start;
            while (indent < line.End && char.IsWhiteSpace(text[indent]))
            {
                indent++;
            }
            if (indent == line.End || text[indent] == '#')
            {
                var lineTokens = new List<DockerfileToken>();
                AddToken(lineTokens, DockerfileTokenKind.Whitespace, line.Start, indent);
                if (indent < line.End)
                {
                    lineTokens.Add(Token(DockerfileTokenKind.Comment, indent, line.End));
                }
                AddNewLine(lineTokens, line);
                if (indent < line.End)
                {
                    comments.Add(new DockerfileComment(lineTokens, line.Number, positions.Of(indent).Column, CommentText(indent, line.End), insideInstruction: true));
                }
                tokens.AddRange(lineTokens);
                continue;
            }
            continuation = ContinuationStart(line.Start, line.End);
            textEnd = continuation >= 0 ? continuation : line.End;
            AddToken(tokens, DockerfileTokenKind.Text, line.Start, textEnd);
            builder.Append(line.Start, textEnd - line.Start);
            AddToken(tokens, DockerfileTokenKind.LineContinuation, textEnd, line.End);
            AddNewLine(tokens, line);
            continues = continuation >= 0;
        }
        var logical = builder.Build();
        var parts = reader.Read(logical, 0, logical.Length);
        var heredocs = parts.Markers.Select(marker => ReadHeredoc(marker, parts, tokens, ref endLine)).ToList();
        parts = parts with { Heredocs = heredocs, Comments = comments };
        return new DockerfileInstruction(tokens, first.Number, positions.Of(contentStart).Column, endLine, parts);
    }

    private DockerfileHeredoc ReadHeredoc(HeredocMarker marker, InstructionParts parts, List<DockerfileToken> tokens, ref int endLine)
    {
        var bodyStart = index < lines.Count ? lines[index].Start : text.Length;
        var bodyLine = index < lines.Count ? lines[index].Number : lines.Count;
        while (index < lines.Count)
        {
            var line = lines[index];
            index++;
            endLine = line.Number;
            var content = text.AsSpan(line.Start, line.Length);
            var candidate = marker.Chomp ? content.TrimStart('\t') : content;
            if (candidate.SequenceEqual(marker.Name))
            {
                tokens.Add(Token(DockerfileTokenKind.HeredocTerminator, line.Start, line.End));
                AddNewLine(tokens, line);
                var body = text[bodyStart..line.Start];
                var script = parts.Keyword == "RUN" || parts.OnBuild?.Keyword == "RUN";
                var words = script ? ShellWords.Split(body, bodyStart, '\\', operators: true) : [];
                return new DockerfileHeredoc(marker.Name, marker.Chomp, marker.Expand, marker.FileDescriptor, marker.Span, body,
                    DockerfileSpan.FromBounds(bodyStart, line.Start), bodyLine, DockerfileSpan.FromBounds(line.Start, line.End), words);
            }
            AddToken(tokens, DockerfileTokenKind.HeredocBody, line.Start, line.End);
            AddNewLine(tokens, line);
        }
        throw Error(marker.Span.Offset, $"unterminated heredoc <<{marker.Name}: no line '{marker.Name}' ends it before the end of the file");
    }

    private DockerfileComment Comment(List<DockerfileToken> tokens, PhysicalLine line, int contentStart, bool insideInstruction)
    {
        tokens.Add(Token(DockerfileTokenKind.Comment, contentStart, line.End));
        AddNewLine(tokens, line);
        return new DockerfileComment(tokens, line.Number, positions.Of(contentStart).Column, CommentText(contentStart, line.End), insideInstruction);
    }

    private string CommentText(int start, int end) => text[(start + 1)..end].Trim();

    /// <summary>
    /// Where the line's continuation starts, or -1: the escape character followed only by spaces or tabs, alone on the
    /// line or after a character that is not itself the escape character (<c>foo \\</c> ends with an escaped escape
    /// character and does not continue).
    /// </summary>
    private int ContinuationStart(int start, int end)
    {
        var i = end;
        while (i > start && text[i - 1] is ' ' or '\t')
        {
            i--;
        }
        if (i == start || text[i - 1] != escape)
        {
            return -1;
        }
        return i - 1 == start || text[i - 2] != escape ? i - 1 : -1;
    }

    /// <summary>Adds the byte order mark (first line only) and the indentation; returns where the content starts.</summary>
    private int AddLeading(List<DockerfileToken> tokens, PhysicalLine line)
    {
        var start = line.Start;
        if (line.Number == 1 && line.Length > 0 && text[0] == '\uFEFF')
        {
            tokens.Add(Token(DockerfileTokenKind.ByteOrderMark, 0, 1));
            start = 1;
        }
        var content = start;
        while (content < line.End && char.IsWhiteSpace(text[content]))
        {
            content++;
        }
        AddToken(tokens, DockerfileTokenKind.Whitespace, start, content);
        return content;
    }

    private void AddNewLine(List<DockerfileToken> tokens, PhysicalLine line) =>
        AddToken(tokens, DockerfileTokenKind.NewLine, line.End, line.End + line.NewLineLength);

    private void AddToken(List<DockerfileToken> tokens, DockerfileTokenKind kind, int start, int end)
    {
        if (end > start)
        {
            tokens.Add(Token(kind, start, end));
        }
    }

    private DockerfileToken Token(DockerfileTokenKind kind, int start, int end) =>
        new(kind, text[start..end], DockerfileSpan.FromBounds(start, end));

    private DockerfileParseException Error(int offset, string message)
    {
        var (line, column) = positions.Of(offset);
        return new DockerfileParseException(path, line, column, message);
    }
}
