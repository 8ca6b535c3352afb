using System.Text;

namespace Strata.Dockerfile.Syntax;

/// <summary>
/// Processes one word as the builder does for ARG, ENV, FROM, COPY and the like: quotes are removed (single quotes
/// keep <c>$</c> literal), the escape character keeps the next character, and <c>$NAME</c>, <c>${NAME}</c>,
/// <c>${NAME:-default}</c>, <c>${NAME-default}</c>, <c>${NAME:+alternative}</c>, <c>${NAME+alternative}</c> are
/// substituted from <c>lookup</c> (null: unset). Unset names expand to nothing. Never throws: text it cannot read
/// (an unclosed <c>${</c>, or defaults nested deeper than <see cref="MaxDepth"/>) stays as written.
/// </summary>
internal static class VariableExpander
{
    /// <summary>How deeply <c>${A:-${B:-…}}</c> defaults are expanded, so hostile nesting cannot exhaust the stack.</summary>
    public const int MaxDepth = 32;

    public static string Expand(string word, Func<string, string?> lookup, char escape) => Expand(word, lookup, escape, 0);

    private static string Expand(string word, Func<string, string?> lookup, char escape, int depth)
    {
        if (depth > MaxDepth)
        {
            return word;
        }
        var result = new StringBuilder();
        var i = 0;
        while (i < word.Length)
        {
            var ch = word[i];
            if (ch == escape && i + 1 < word.Length)
            {
                result.Append(word[i + 1]);
                i += 2;
            }
            else if (ch == '\'')
            {
                var close = word.IndexOf('\'', i + 1);
                close = close < 0 ? word.Length : close;
                result.Append(word, i + 1, close - i - 1);
                i = close + 1;
            }
            else if (ch == '"')
            {
                i = DoubleQuoted(word, i + 1, lookup, escape, depth, result);
            }
            else if (ch == '$')
            {
                i = Dollar(word, i, lookup, escape, depth, result);
            }
            else
            {
                result.Append(ch);
                i++;
            }
        }
        return result.ToString();
    }

    private static int DoubleQuoted(string word, int i, Func<string, string?> lookup, char escape, int depth, StringBuilder result)
    {
        while (i < word.Length && word[i] != '"')
        {
            if (word[i] == escape && i + 1 < word.Length && (word[i + 1] is '"' or '$' || word[i + 1] == escape))
            {
                result.Append(word[i + 1]);
                i += 2;
            }
            else if (word[i] == '$')
            {
                i = Dollar(word, i, lookup, escape, depth, result);
            }
            else
            {
                result.Append(word[i]);
                i++;
            }
        }
        return i + 1;
    }

    /// <summary>Expands the <c>$…</c> at <paramref name="i"/>; returns the index after it.</summary>
    private static int Dollar(string word, int i, Func<string, string?> lookup, char escape, int depth, StringBuilder result)
    {
        var start = i + 1;
        if (start < word.Length && word[start] == '{')
        {
            return Braced(word, i, lookup, escape, depth, result);
        }
        var end = NameEnd(word, start);
        if (end == start)
        {
            result.Append('$');
            return start;
        }
        result.Append(lookup(word[start..end]) ?? "");
        return end;
    }

    private static int Braced(string word, int i, Func<string, string?> lookup, char escape, int depth, StringBuilder result)
    {
        var nameStart = i + 2;
        var nameEnd = NameEnd(word, nameStart);
        var close = MatchingBrace(word, i + 1);
        if (close < 0 || nameEnd == nameStart)
        {
            result.Append(word, i, word.Length - i);
            return word.Length;
        }
        var value = lookup(word[nameStart..nameEnd]);
        var modifier = word[nameEnd..close];
        result.Append(Modify(value, modifier, lookup, escape, depth));
        return close + 1;
    }

    private static string Modify(string? value, string modifier, Func<string, string?> lookup, char escape, int depth)
    {
        if (modifier.Length == 0)
        {
            return value ?? "";
        }
        var colon = modifier.StartsWith(':');
        var operation = colon ? modifier[1..] : modifier;
        if (operation.Length == 0)
        {
            return value ?? "";
        }
        var argument = Expand(operation[1..], lookup, escape, depth + 1);
        var set = colon ? !string.IsNullOrEmpty(value) : value is not null;
        return operation[0] switch
        {
            '-' => set ? value! : argument,
            '+' => set ? argument : "",
            _ => value ?? "",
        };
    }

    private static int NameEnd(string word, int i)
    {
        while (i < word.Length && (char.IsAsciiLetterOrDigit(word[i]) || word[i] == '_'))
        {
            i++;
        }
        return i;
    }

    private static int MatchingBrace(string word, int open)
    {
        var depth = 0;
        for (var i = open; i < word.Length; i++)
        {
            if (word[i] == '{')
            {
                depth++;
            }
            else if (word[i] == '}' && --depth == 0)
            {
                return i;
            }
        }
        return -1;
    }
}
