using System.Text;

namespace Strata.Dockerfile.Syntax;

/// <summary>
/// Splits shell text into words the way a POSIX shell tokenizes a simple script: unquoted white space separates words,
/// single quotes keep everything, double quotes keep white space, the escape character keeps the next character, and
/// <c>$(…)</c>, <c>${…}</c> and backquotes stay inside their word. With <c>operators</c>, the control operators
/// (<c>&amp;&amp; || | ; &amp; ( )</c>) and line breaks are words of their own and an unquoted <c>#</c> at a word's start
/// comments out the rest of the line. Spans are in the original text.
/// </summary>
public static class ShellWords
{
    /// <summary>Splits <paramref name="text"/>, whose first character is at <paramref name="offset"/> in the original text.</summary>
    public static IReadOnlyList<DockerfileWord> Split(string text, int offset, char escape, bool operators)
    {
        var builder = new LogicalText.Builder(text, 0);
        builder.Append(0, text.Length);
        var logical = builder.Build();
        var words = Split(logical, 0, text.Length, escape, operators);
        return [.. words.Select(w => w with { Span = new DockerfileSpan(w.Span.Offset + offset, w.Span.Length) })];
    }

    /// <summary>The simple commands of split words: the runs of words between operators (<c>&amp;&amp;</c>, <c>|</c>,
    /// <c>;</c>, line breaks, …), empty runs left out.</summary>
    public static IReadOnlyList<IReadOnlyList<DockerfileWord>> Commands(IEnumerable<DockerfileWord> words)
    {
        var commands = new List<IReadOnlyList<DockerfileWord>>();
        var current = new List<DockerfileWord>();
        foreach (var word in words)
        {
            if (!word.IsOperator)
            {
                current.Add(word);
                continue;
            }
            if (current.Count > 0)
            {
                commands.Add(current);
                current = [];
            }
        }
        if (current.Count > 0)
        {
            commands.Add(current);
        }
        return commands;
    }

    internal static List<DockerfileWord> Split(LogicalText text, int start, int end, char escape, bool operators)
    {
        var words = new List<DockerfileWord>();
        var i = start;
        while (i < end)
        {
            var ch = text[i];
            if (ch == '\n' && operators)
            {
                words.Add(new DockerfileWord("\n", "\n", text.SpanOf(i, i + 1), true));
                i++;
                continue;
            }
            if (char.IsWhiteSpace(ch))
            {
                i++;
                continue;
            }
            if (ch == escape && i + 1 < end && text[i + 1] == '\n')
            {
                i += 2;
                continue;
            }
            if (operators && ch == '#')
            {
                while (i < end && text[i] != '\n')
                {
                    i++;
                }
                continue;
            }
            if (operators && OperatorLength(text, i, end) is > 0 and var length)
            {
                var op = text.Slice(i, i + length);
                words.Add(new DockerfileWord(op, op, text.SpanOf(i, i + length), true));
                i += length;
                continue;
            }
            var wordStart = i;
            var value = new StringBuilder();
            i = ReadWord(text, i, end, escape, operators, value);
            words.Add(new DockerfileWord(text.Slice(wordStart, i), value.ToString(), text.SpanOf(wordStart, i), false));
        }
        return words;
    }

    private static int ReadWord(LogicalText text, int i, int end, char escape, bool operators, StringBuilder value)
    {
        while (i < end)
        {
            var ch = text[i];
            if (char.IsWhiteSpace(ch) || (operators && OperatorLength(text, i, end) > 0))
            {
                return i;
            }
            if (ch == escape)
            {
                if (i + 1 < end && text[i + 1] == '\n')
                {
                    i += 2;
                    continue;
                }
                if (i + 1 < end)
                {
                    value.Append(text[i + 1]);
                    i += 2;
                    continue;
                }
                value.Append(ch);
                return i + 1;
            }
            switch (ch)
            {
                case '\'':
                    i = ReadUntil(text, i + 1, end, '\'', value);
                    break;
                case '"':
                    i = ReadDoubleQuoted(text, i + 1, end, escape, value);
                    break;
                case '$' when i + 1 < end && text[i + 1] is '(' or '{':
                    i = ReadBalanced(text, i, end, value);
                    break;
                case '`' when escape != '`':
                    var close = i + 1;
                    while (close < end && text[close] != '`')
                    {
                        close++;
                    }
                    close = Math.Min(close + 1, end);
                    value.Append(text.Slice(i, close));
                    i = close;
                    break;
                default:
                    value.Append(ch);
                    i++;
                    break;
            }
        }
        return i;
    }

    private static int ReadUntil(LogicalText text, int i, int end, char close, StringBuilder value)
    {
        while (i < end && text[i] != close)
        {
            value.Append(text[i]);
            i++;
        }
        return Math.Min(i + 1, end);
    }

    private static int ReadDoubleQuoted(LogicalText text, int i, int end, char escape, StringBuilder value)
    {
        while (i < end && text[i] != '"')
        {
            if (text[i] == escape && i + 1 < end && (text[i + 1] is '"' or '$' or '\n' || text[i + 1] == escape))
            {
                if (text[i + 1] != '\n')
                {
                    value.Append(text[i + 1]);
                }
                i += 2;
                continue;
            }
            if (text[i] == '$' && i + 1 < end && text[i + 1] is '(' or '{')
            {
                i = ReadBalanced(text, i, end, value);
                continue;
            }
            value.Append(text[i]);
            i++;
        }
        return Math.Min(i + 1, end);
    }

    /// <summary>Reads <c>$(…)</c> or <c>${…}</c> up to its matching close, nesting counted, kept as written.</summary>
    private static int ReadBalanced(LogicalText text, int i, int end, StringBuilder value)
    {
        var open = text[i + 1];
        var close = open == '(' ? ')' : '}';
        var depth = 0;
        var start = i;
        i++;
        for (; i < end; i++)
        {
            if (text[i] == open)
            {
                depth++;
            }
            else if (text[i] == close && --depth == 0)
            {
                i++;
                break;
            }
        }
        value.Append(text.Slice(start, i));
        return i;
    }

    private static int OperatorLength(LogicalText text, int i, int end)
    {
        var ch = text[i];
        var next = i + 1 < end ? text[i + 1] : '\0';
        var previous = i > 0 ? text[i - 1] : '\0';
        return ch switch
        {
            '&' when previous is '>' or '<' || next == '>' => 0,
            '&' when next == '&' => 2,
            '|' when next is '|' or '&' => 2,
            ';' when next == ';' => 2,
            '&' or '|' or ';' or '(' or ')' => 1,
            _ => 0,
        };
    }
}
