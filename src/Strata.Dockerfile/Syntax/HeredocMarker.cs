using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Dockerfile.Syntax;

/// <summary>
/// A <c>[n]&lt;&lt;[-]NAME</c> word in a RUN, COPY or ADD line, as BuildKit finds them: any word of that shape (or a bare
/// <c>&lt;&lt;</c> / <c>&lt;&lt;-</c> followed by the name as the next word) opens a heredoc whose body follows the
/// instruction line, in order. The name is read as a shell word: quotes removed, <c>\</c> keeps the next character.
/// Any quote in it (<c>'EOF'</c>, <c>"EOF"</c>, <c>eo'f'</c>) turns off expansion in the body.
/// </summary>
internal sealed partial record HeredocMarker(string Name, bool Chomp, bool Expand, int FileDescriptor, DockerfileSpan Span)
{
    [GeneratedRegex("^([0-9]*)<<(-?)([^<]*)$")]
    private static partial Regex Shape();

    public static List<HeredocMarker> Find(IReadOnlyList<DockerfileWord> words, Func<DockerfileSpan, string, Exception> error)
    {
        var markers = new List<HeredocMarker>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var match = word.IsOperator ? Match.Empty : Shape().Match(word.Text);
            if (!match.Success)
            {
                continue;
            }
            var raw = match.Groups[3].Value;
            var span = word.Span;
            if (raw.Length == 0)
            {
                // "<< EOF": the name is the next word.
                if (i + 1 >= words.Count || words[i + 1].IsOperator || words[i + 1].Text.Contains('<', StringComparison.Ordinal))
                {
                    continue;
                }
                i++;
                raw = words[i].Text;
                span = DockerfileSpan.FromBounds(word.Span.Offset, words[i].Span.End);
            }
            var name = ReadName(raw) ?? throw error(span, $"the heredoc name {raw} has an unclosed quote");
            if (name.Length == 0)
            {
                continue;
            }
            var expand = QuoteCount(name) == QuoteCount(raw);
            var descriptor = int.TryParse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 0;
            markers.Add(new HeredocMarker(name, match.Groups[2].Value == "-", expand, descriptor, span));
        }
        return markers;
    }

    /// <summary>The name with quotes removed and escapes applied, or null when a quote is left open.</summary>
    private static string? ReadName(string raw)
    {
        var name = new StringBuilder();
        var quote = '\0';
        for (var i = 0; i < raw.Length; i++)
        {
            var ch = raw[i];
            if (quote == '\0' && ch is '\'' or '"')
            {
                quote = ch;
            }
            else if (ch == quote)
            {
                quote = '\0';
            }
            else if (ch == '\\' && quote != '\'' && i + 1 < raw.Length)
            {
                name.Append(raw[++i]);
            }
            else
            {
                name.Append(ch);
            }
        }
        return quote == '\0' ? name.ToString() : null;
    }

    private static int QuoteCount(string text) => text.Count(c => c is '\'' or '"');
}
