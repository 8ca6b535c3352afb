namespace Strata.Dockerfile.Syntax;

/// <summary>
/// Reads the <c>--name[=value]</c> words at the start of an instruction's arguments as the builder does: a word
/// starting with <c>--</c> is a flag, quotes in it are removed and <c>\</c> escapes a character; the first word not
/// starting with <c>--</c> (or a bare <c>--</c>) ends the flags. Checks each flag against the instruction's.
/// </summary>
internal static class FlagReader
{
    /// <summary>Reads flags from <paramref name="position"/>; returns them and leaves the position at the arguments.</summary>
    public static List<DockerfileFlag> Read(LogicalText text, ref int position, int end, string keyword, Func<int, string, Exception> error)
    {
        var flags = new List<DockerfileFlag>();
        var known = InstructionTable.FlagsOf(keyword);
        var used = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var start = position;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
            if (start + 1 >= end || text[start] != '-' || text[start + 1] != '-')
            {
                position = start;
                return flags;
            }
            var (word, wordEnd, equals) = ReadWord(text, start, end);
            position = wordEnd;
            if (word == "--")
            {
                return flags;
            }
            var body = word[2..];
            var nameLength = body.IndexOf('=', StringComparison.Ordinal);
            var name = nameLength < 0 ? body : body[..nameLength];
            string? value = nameLength < 0 ? null : body[(nameLength + 1)..];
            if (name.Length == 0)
            {
                throw error(start, $"flag '{text.Slice(start, wordEnd)}' has no name");
            }
            if (!known.TryGetValue(name, out var kind))
            {
                throw error(start, known.Count == 0
                    ? $"unknown flag --{name}: {keyword} takes no flags"
                    : $"unknown flag --{name} for {keyword} (it takes {string.Join(", ", known.Keys.Select(k => "--" + k))})");
            }
            if (!used.Add(name) && kind != FlagKind.Repeated)
            {
                throw error(start, $"flag --{name} is given twice");
            }
            if (kind == FlagKind.Boolean && value is not (null or "true" or "false"))
            {
                throw error(start, $"flag --{name} takes true or false, not '{value}'");
            }
            if (kind != FlagKind.Boolean && value is null)
            {
                throw error(start, $"flag --{name} needs a value (--{name}=...)");
            }
            var valueSpan = equals < 0 ? (DockerfileSpan?)null : text.SpanOf(equals + 1, wordEnd);
            flags.Add(new DockerfileFlag(name, value, text.SpanOf(start, wordEnd), valueSpan));
        }
    }

    /// <summary>One flag word up to unquoted white space: its unquoted text, its end, and the index of its first '='.</summary>
    private static (string Word, int End, int EqualsIndex) ReadWord(LogicalText text, int start, int end)
    {
        var word = new System.Text.StringBuilder();
        var equals = -1;
        var quote = '\0';
        var i = start;
        for (; i < end; i++)
        {
            var ch = text[i];
            if (quote == '\0' && char.IsWhiteSpace(ch))
            {
                break;
            }
            if (quote == '\0' && ch is '\'' or '"')
            {
                quote = ch;
                continue;
            }
            if (quote != '\0' && ch == quote)
            {
                quote = '\0';
                continue;
            }
            if (ch == '\\' && i + 1 < end)
            {
                i++;
                ch = text[i];
            }
            else if (ch == '=' && equals < 0 && quote == '\0')
            {
                equals = i;
            }
            word.Append(ch);
        }
        return (word.ToString(), i, equals);
    }
}
