using System.Text.RegularExpressions;

namespace Strata.Dockerfile.Syntax;

/// <summary>
/// A <c>[n]&lt;&lt;[-]NAME</c> word in a RUN, COPY or ADD line, as the builder finds them: any word of that shape opens
/// a heredoc whose body follows the instruction line, in order. A quoted name (<c>'EOF'</c>, <c>"EOF"</c>) turns off
/// expansion in the body.
/// </summary>
internal sealed partial record HeredocMarker(string Name, bool Chomp, bool Expand, int FileDescriptor, DockerfileSpan Span)
{
    [GeneratedRegex("^([0-9]*)<<(-?)([^<]*)$")]
    private static partial Regex Shape();

    public static List<HeredocMarker> Find(IEnumerable<DockerfileWord> words)
    {
        var markers = new List<HeredocMarker>();
        foreach (var word in words.Where(w => !w.IsOperator))
        {
            var match = Shape().Match(word.Text);
            if (!match.Success || match.Groups[3].Value.Length == 0)
            {
                continue;
            }
            var raw = match.Groups[3].Value;
            var quoted = raw.Contains('\'', StringComparison.Ordinal) || raw.Contains('"', StringComparison.Ordinal);
            var name = raw.Replace("'", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal);
            if (name.Length == 0)
            {
                continue;
            }
            var descriptor = int.TryParse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 0;
            markers.Add(new HeredocMarker(name, match.Groups[2].Value == "-", !quoted, descriptor, word.Span));
        }
        return markers;
    }
}
