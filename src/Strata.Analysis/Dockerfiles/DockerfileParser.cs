using System.Text;

namespace Strata.Analysis.Dockerfiles;

/// <summary>
/// Splits a Dockerfile into instructions as the Dockerfile reference describes: comment lines and blank lines are
/// skipped (also inside a continued instruction, as the builder does), a line ending in the escape character (<c>\</c>, or the one a
/// leading <c># escape=</c> directive names) continues on the next line. Heredocs are not expanded; their lines are
/// read as lines of the instruction that opened them only when they end in the escape character.
/// </summary>
public static class DockerfileParser
{
    public static IReadOnlyList<DockerfileInstruction> Parse(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var escape = EscapeDirective(lines);
        var instructions = new List<DockerfileInstruction>();
        var stage = -1;
        var current = new StringBuilder();
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith('#') || trimmed.Length == 0)
            {
                continue;
            }
            if (current.Length == 0)
            {
                start = i + 1;
            }
            var continues = line.EndsWith(escape);
            current.Append(continues ? line[..^1] : line).Append(' ');
            if (!continues || i == lines.Length - 1)
            {
                var instruction = Split(current.ToString(), start, i + 1, ref stage);
                if (instruction is not null)
                {
                    instructions.Add(instruction);
                }
                current.Clear();
            }
        }
        return instructions;
    }

    /// <summary>Runs of white space made one space, so text joined from continuation lines compares with created_by.</summary>
    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static DockerfileInstruction? Split(string text, int startLine, int endLine, ref int stage)
    {
        var collapsed = Collapse(text);
        if (collapsed.Length == 0)
        {
            return null;
        }
        var space = collapsed.IndexOf(' ', StringComparison.Ordinal);
        var keyword = (space < 0 ? collapsed : collapsed[..space]).ToUpperInvariant();
        if (keyword == "FROM")
        {
            stage++;
        }
        return new DockerfileInstruction(keyword, space < 0 ? "" : collapsed[(space + 1)..], startLine, endLine, Math.Max(stage, 0));
    }

    /// <summary>Parser directives come first, before any instruction or other comment: <c># escape=`</c>.</summary>
    private static char EscapeDirective(string[] lines)
    {
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (!trimmed.StartsWith('#'))
            {
                break;
            }
            var directive = trimmed[1..].Trim();
            var equals = directive.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                break;
            }
            if (directive[..equals].Trim().Equals("escape", StringComparison.OrdinalIgnoreCase) && directive[(equals + 1)..].Trim() is { Length: 1 } value)
            {
                return value[0];
            }
        }
        return '\\';
    }
}
