namespace Strata.Dockerfile.Syntax;

/// <summary>
/// Reads the names an ARG (<c>NAME</c> or <c>NAME=default</c>, several allowed), ENV or LABEL (<c>key=value</c>
/// pairs, or the legacy <c>key value with spaces</c> form when the first word has no <c>=</c>) sets.
/// </summary>
internal static class VariableReader
{
    public static List<DockerfileVariable> Read(string keyword, IReadOnlyList<DockerfileWord> words, LogicalText text,
        int argumentsEnd, Func<DockerfileSpan, string, Exception> error)
    {
        var variables = new List<DockerfileVariable>();
        if (keyword is not ("ARG" or "ENV" or "LABEL"))
        {
            return variables;
        }
        if (words.Count == 0)
        {
            throw error(default, $"{keyword} needs at least one name");
        }
        if (keyword != "ARG" && !words[0].Text.Contains('=', StringComparison.Ordinal))
        {
            if (words.Count < 2)
            {
                throw error(words[0].Span, $"{keyword} {words[0].Text} has no value: write {keyword} {words[0].Text}=value");
            }
            var valueStart = text.IndexOfOffset(words[1].Span.Offset);
            var valueSpan = text.SpanOf(valueStart, argumentsEnd);
            variables.Add(new DockerfileVariable(Unquote(words[0].Text), text.Slice(valueStart, argumentsEnd),
                DockerfileSpan.FromBounds(words[0].Span.Offset, valueSpan.End), valueSpan));
            return variables;
        }
        foreach (var word in words)
        {
            var equals = word.Text.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 && keyword != "ARG")
            {
                throw error(word.Span, $"{keyword} expects name=value, but '{word.Text}' has no '='");
            }
            var name = Unquote(equals < 0 ? word.Text : word.Text[..equals]);
            if (name.Length == 0)
            {
                throw error(word.Span, $"{keyword} has a value with no name: '{word.Text}'");
            }
            if (equals < 0)
            {
                variables.Add(new DockerfileVariable(name, null, word.Span, null));
                continue;
            }
            var valueOffset = text.IndexOfOffset(word.Span.Offset) + equals + 1;
            var wordEnd = text.IndexOfOffset(word.Span.End - 1) + 1;
            variables.Add(new DockerfileVariable(name, word.Text[(equals + 1)..], word.Span, text.SpanOf(valueOffset, wordEnd)));
        }
        return variables;
    }

    private static string Unquote(string name) => name.Replace("\"", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
}
