namespace Strata.Dockerfile.Syntax;

/// <summary>What a token of the lossless tree is: the syntax, or the trivia the builder skips but the text keeps.</summary>
public enum DockerfileTokenKind
{
    /// <summary>A UTF-8 byte order mark at the very start (the builder discards it).</summary>
    ByteOrderMark,

    /// <summary>Spaces and tabs the builder does not read as part of a value (leading indentation).</summary>
    Whitespace,

    /// <summary>A line ending: <c>\n</c> or <c>\r\n</c>.</summary>
    NewLine,

    /// <summary>A parser directive line such as <c># escape=`</c>, without its line ending.</summary>
    Directive,

    /// <summary>A comment, from <c>#</c> to the end of the line.</summary>
    Comment,

    /// <summary>The instruction keyword as written (any case).</summary>
    Keyword,

    /// <summary>Instruction text: flags and arguments, as written.</summary>
    Text,

    /// <summary>The escape character ending a line and the spaces or tabs after it.</summary>
    LineContinuation,

    /// <summary>One line of a heredoc body, without its line ending.</summary>
    HeredocBody,

    /// <summary>The line that ends a heredoc (its delimiter), without its line ending.</summary>
    HeredocTerminator,
}

/// <summary>One piece of the original text; the tokens of a document, in order, spell the text exactly.</summary>
public sealed record DockerfileToken(DockerfileTokenKind Kind, string Text, DockerfileSpan Span);
