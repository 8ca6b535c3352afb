namespace Strata.Dockerfile.Syntax;

/// <summary>
/// One word of shell-form arguments (or of a heredoc body): <see cref="Text"/> as written (continuations joined),
/// <see cref="Value"/> with quotes and escapes removed (variables not expanded). A shell operator (<c>&amp;&amp;</c>,
/// <c>||</c>, <c>|</c>, <c>;</c>, <c>&amp;</c>, <c>(</c>, <c>)</c> or a line break in a heredoc) is a word of its own
/// with <see cref="IsOperator"/> set, so a script splits into commands at them. <see cref="Span"/> points into the
/// original text, so a fix can insert after a word.
/// </summary>
public sealed record DockerfileWord(string Text, string Value, DockerfileSpan Span, bool IsOperator)
{
    public override string ToString() => Text;
}
