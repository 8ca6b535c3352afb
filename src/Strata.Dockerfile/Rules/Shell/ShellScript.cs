using System.Text;

namespace Strata.Dockerfile.Rules.Shell;

/// <summary>
/// The simple commands of a RUN's shell script, read well enough for the lint rules: words with POSIX quoting,
/// the operators <c>&amp;&amp; || ; | &amp;</c> and newlines between commands, redirections and leading
/// <c>VAR=value</c> assignments set aside, <c>$(…)</c> and backquotes kept inside their word. The Dockerfile's line
/// continuations (its escape character before a newline) and the comment lines inside them are skipped, as the builder
/// skips them. Every word keeps its offsets in the text given, so fixes edit the original bytes. It never executes or
/// expands anything.
/// </summary>
public sealed class ShellScript
{
    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal)
    {
        "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "for", "case", "esac", "{", "}", "!", "time",
    };

    private ShellScript(IReadOnlyList<ShellCommand> commands, int contentEnd, bool endsWithOperator, bool isEditable)
    {
        IsEditable = isEditable;
        Commands = commands;
        ContentEnd = contentEnd;
        EndsWithOperator = endsWithOperator;
    }

    public IReadOnlyList<ShellCommand> Commands { get; }

    /// <summary>False for a script that is not in the Dockerfile's text as written (an exec form's words): its offsets are -1.</summary>
    public bool IsEditable { get; }

    /// <summary>The offset just past the script's last word or operator (trailing blanks and continuations excluded).</summary>
    public int ContentEnd { get; }

    /// <summary>Whether the script ends with an operator (<c>;</c>, <c>&amp;</c>), after which <c>&amp;&amp; cmd</c> cannot follow.</summary>
    public bool EndsWithOperator { get; }

    /// <summary>
    /// Reads <paramref name="text"/>; offsets are <paramref name="offset"/> plus the index in the text, or all -1 when
    /// <paramref name="offset"/> is null (a script that cannot be edited in place).
    /// </summary>
    /// <param name="escape">The Dockerfile's escape character, which with a newline continues the line.</param>
    public static ShellScript Parse(string text, int? offset = 0, char escape = '\\') => new Reader(text, offset, escape).Read();

    /// <summary>Whether any command runs <paramref name="program"/>.</summary>
    public bool Uses(string program) => Commands.Any(c => c.Program == program);

    private sealed class Reader(string text, int? offset, char escape)
    {
        private readonly List<ShellCommand> commands = [];
        private readonly List<ShellWord> words = [];
        private readonly StringBuilder value = new();
        private int wordStart = -1;
        private int contentEnd;
        private bool endsWithOperator;
        private bool nextIsRedirectTarget;
        private string? separator;
        private int i;

        public ShellScript Read()
        {
            while (i < text.Length)
            {
                if (SkipContinuation())
                {
                    continue;
                }
                var c = text[i];
                if (c is ' ' or '\t' or '\r')
                {
                    EndWord();
                    i++;
                }
                else if (c == '#' && wordStart < 0)
                {
                    SkipComment();
                }
                else if (c is '\n' or ';' or '&' or '|' or '(' or ')')
                {
                    Operator();
                }
                else if ((c is '>' or '<') && IsRedirection())
                {
                    Redirection();
                }
                else
                {
                    WordCharacter();
                }
            }
            EndWord();
            EndCommand();
            return new ShellScript(commands, At(contentEnd), endsWithOperator, offset is not null);
        }

        /// <summary>The escape character, blanks, a newline, then any comment or empty lines: all skipped, joining the line.</summary>
        private bool SkipContinuation()
        {
            if (text[i] != escape)
            {
                return false;
            }
            var j = i + 1;
            while (j < text.Length && text[j] is ' ' or '\t' or '\r')
            {
                j++;
            }
            if (j >= text.Length || text[j] != '\n')
            {
                return false;
            }
            i = j + 1;
            while (i < text.Length)
            {
                var k = i;
                while (k < text.Length && text[k] is ' ' or '\t' or '\r')
                {
                    k++;
                }
                if (k < text.Length && text[k] == '#')
                {
                    var end = text.IndexOf('\n', k);
                    i = end < 0 ? text.Length : end + 1;
                }
                else if (k < text.Length && text[k] == '\n')
                {
                    i = k + 1;
                }
                else
                {
                    break;
                }
            }
            return true;
        }

        private void SkipComment()
        {
            EndWord();
            while (i < text.Length && text[i] != '\n')
            {
                i++;
            }
        }

        private void Operator()
        {
            EndWord();
            var c = text[i];
            var twice = i + 1 < text.Length && text[i + 1] == c && c is '&' or '|' or ';';
            var token = twice ? new string(c, 2) : c.ToString();
            i += token.Length;
            if (c == '\n' && commands.Count == 0 && words.Count == 0)
            {
                return;
            }
            EndCommand();
            separator = token;
            if (c != '\n')
            {
                contentEnd = i;
                endsWithOperator = c is not (')' or '(');
            }
        }

        /// <summary>A '&gt;' or '&lt;' starts a redirection unless it is inside a word other than a file descriptor number.</summary>
        private bool IsRedirection() => wordStart < 0 || value.ToString().All(char.IsAsciiDigit);

        private void Redirection()
        {
            value.Clear();
            wordStart = -1;
            while (i < text.Length && text[i] is '>' or '<' or '&' or '|')
            {
                i++;
            }
            contentEnd = i;
            // "2>&1": the target is a descriptor, written against the operator.
            nextIsRedirectTarget = true;
        }

        private void WordCharacter()
        {
            if (wordStart < 0)
            {
                wordStart = i;
            }
            var c = text[i];
            switch (c)
            {
                case '\'':
                    i++;
                    while (i < text.Length && text[i] != '\'')
                    {
                        value.Append(text[i++]);
                    }
                    i++;
                    break;
                case '"':
                    i++;
                    while (i < text.Length && text[i] != '"')
                    {
                        if (SkipContinuation())
                        {
                            continue;
                        }
                        if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`')
                        {
                            i++;
                        }
                        value.Append(text[i++]);
                    }
                    i++;
                    break;
                case '\\':
                    i++;
                    if (i < text.Length)
                    {
                        value.Append(text[i++]);
                    }
                    break;
                case '$' when i + 1 < text.Length && text[i + 1] == '(':
                    Nested('(', ')');
                    break;
                case '`':
                    Nested('`', '`');
                    break;
                default:
                    value.Append(c);
                    i++;
                    break;
            }
            i = Math.Min(i, text.Length);
            contentEnd = i;
            endsWithOperator = false;
        }

        /// <summary>A command substitution, <c>$(…)</c> or <c>`…`</c>, kept whole inside the word.</summary>
        private void Nested(char open, char close)
        {
            var depth = 0;
            var first = i;
            while (i < text.Length)
            {
                var c = text[i];
                value.Append(c);
                i++;
                if (open == close)
                {
                    if (c == close && i - 1 > first)
                    {
                        return;
                    }
                }
                else if (c == open)
                {
                    depth++;
                }
                else if (c == close && --depth == 0)
                {
                    return;
                }
            }
        }

        private void EndWord()
        {
            if (wordStart < 0)
            {
                return;
            }
            var word = new ShellWord(value.ToString(), At(wordStart), At(i));
            value.Clear();
            wordStart = -1;
            if (nextIsRedirectTarget)
            {
                nextIsRedirectTarget = false;
                return;
            }
            words.Add(word);
        }

        private int At(int index) => offset is { } start ? start + index : -1;

        private void EndCommand()
        {
            var start = 0;
            while (start < words.Count && (IsAssignment(words[start].Value) || ReservedWords.Contains(words[start].Value)))
            {
                start++;
            }
            if (start < words.Count)
            {
                commands.Add(new ShellCommand(words[start], words.Skip(start + 1).ToList(), separator)
                {
                    Assignments = words.Take(start).Where(w => IsAssignment(w.Value)).ToList(),
                });
            }
            words.Clear();
            nextIsRedirectTarget = false;
        }

        private static bool IsAssignment(string word)
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            return equals > 0 && (char.IsAsciiLetter(word[0]) || word[0] == '_') && word[..equals].All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
        }
    }
}
