namespace Strata.Dockerfile.Syntax;

/// <summary>
/// A heredoc (<c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c>, <c>&lt;&lt;"EOF"</c>) of a RUN, COPY or ADD: its delimiter, whether
/// leading tabs are stripped (<c>&lt;&lt;-</c>), whether its body is expanded (unquoted delimiter), the body exactly as
/// written and the content the builder uses.
/// </summary>
public sealed class DockerfileHeredoc
{
    internal DockerfileHeredoc(string name, bool chomp, bool expand, int fileDescriptor, DockerfileSpan markerSpan, string body,
        DockerfileSpan bodySpan, int bodyLine, DockerfileSpan terminatorSpan, IReadOnlyList<DockerfileWord> words)
    {
        Name = name;
        Chomp = chomp;
        Expand = expand;
        FileDescriptor = fileDescriptor;
        MarkerSpan = markerSpan;
        Body = body;
        BodySpan = bodySpan;
        BodyLine = bodyLine;
        TerminatorSpan = terminatorSpan;
        Words = words;
    }

    /// <summary>The delimiter, quotes removed: <c>EOF</c>.</summary>
    public string Name { get; }

    /// <summary>True for <c>&lt;&lt;-</c>: leading tabs are removed from the body lines and the terminator.</summary>
    public bool Chomp { get; }

    /// <summary>False when the delimiter is quoted, so variables in the body are left alone.</summary>
    public bool Expand { get; }

    /// <summary>The file descriptor written before <c>&lt;&lt;</c> (<c>3&lt;&lt;EOF</c>), or 0.</summary>
    public int FileDescriptor { get; }

    /// <summary>The <c>&lt;&lt;EOF</c> word in the instruction line.</summary>
    public DockerfileSpan MarkerSpan { get; }

    /// <summary>The body lines exactly as written, each with its line ending.</summary>
    public string Body { get; }

    /// <summary>The body lines in the original text (empty at the terminator for an empty body).</summary>
    public DockerfileSpan BodySpan { get; }

    /// <summary>The line of the first body line (or of the terminator for an empty body), 1-based.</summary>
    public int BodyLine { get; }

    /// <summary>The terminator line's text, indentation included, line ending excluded.</summary>
    public DockerfileSpan TerminatorSpan { get; }

    /// <summary>The body as the builder uses it: with <see cref="Chomp"/>, leading tabs removed from each line.</summary>
    public string Content => Chomp ? StripLeadingTabs(Body) : Body;

    /// <summary>The body split into shell words (with operators and line breaks), spans in the original text.</summary>
    public IReadOnlyList<DockerfileWord> Words { get; }

    private static string StripLeadingTabs(string body)
    {
        var lines = body.Split('\n');
        return string.Join('\n', lines.Select(l => l.TrimStart('\t')));
    }
}
