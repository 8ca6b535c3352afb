using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Strata.Dockerfile.Tests;

/// <summary>
/// A Dockerfile generated from pieces (directives, a byte order mark, instructions whose words are joined by white
/// space or by continuations with trailing blanks, comment and empty lines inside, heredocs, comment and blank lines
/// between, LF or CRLF per line, maybe no final newline) together with what the builder must read from it, worked
/// out from the pieces, not by the parser: each instruction's keyword, first line and logical arguments, and each
/// heredoc's body.
/// </summary>
public sealed record GeneratedDockerfile(string Text, char Escape, IReadOnlyList<GeneratedInstruction> Instructions)
{
    public override string ToString() => Text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n\n", StringComparison.Ordinal);

    private const string WordCharacters = "abcdefghijklmnopqrstuvwxyz0123456789-./:_$%";
    private static readonly string[] Keywords = ["RUN", "CMD", "WORKDIR", "USER", "EXPOSE", "COPY", "ADD", "VOLUME", "ENTRYPOINT", "STOPSIGNAL"];

    /// <summary>A piece of text and the builder's reading of it, line by line.</summary>
    private sealed record Piece(string Text, string Logical);

    public static Gen<GeneratedDockerfile> Generator() =>
        from escape in Gen.Elements('\\', '`')
        from bom in Gen.Elements(false, false, true)
        from syntax in Gen.Elements(false, true)
        from newlines in Gen.Elements("\n", "\r\n").ListOf().Select(l => l.ToList())
        from fromLine in Instruction(escape, "FROM", Word(first: true))
        from items in AnyItem(escape).ListOf()
        from finalNewline in Gen.Elements(true, false)
        select Assemble(escape, bom, syntax, newlines, fromLine, [.. items], finalNewline);

    private static GeneratedDockerfile Assemble(char escape, bool bom, bool syntax, List<string> newlines, Func<Func<string>, Item> fromLine,
        List<Func<Func<string>, Item>> items, bool finalNewline)
    {
        var next = 0;
        string NewLine() => newlines.Count == 0 ? "\n" : newlines[next++ % newlines.Count];
        var text = new StringBuilder();
        var instructions = new List<GeneratedInstruction>();
        var line = 1;
        if (bom)
        {
            text.Append('\uFEFF');
        }
        if (syntax)
        {
            text.Append("# syntax=docker/dockerfile:1").Append(NewLine());
            line++;
        }
        if (escape == '`')
        {
            text.Append("#escape=`").Append(NewLine());
            line++;
        }
        foreach (var build in items.Prepend(fromLine))
        {
            var item = build(NewLine);
            if (item.Instruction is { } instruction)
            {
                instructions.Add(instruction with { Line = line });
            }
            text.Append(item.Text);
            line += item.Text.Count(c => c == '\n');
        }
        var result = text.ToString();
        if (!finalNewline)
        {
            result = result.EndsWith("\r\n", StringComparison.Ordinal) ? result[..^2] : result[..^1];
        }
        return new GeneratedDockerfile(result, escape, instructions);
    }

    /// <summary>A top-level line or instruction, built once the line endings are known.</summary>
    public sealed record Item(string Text, GeneratedInstruction? Instruction);

    private static Gen<Func<Func<string>, Item>> AnyItem(char escape) =>
        Gen.Frequency(
            (1, Blank().Select<string, Func<Func<string>, Item>>(blank => newline => new Item(blank + newline(), null))),
            (1, Comment().Select<string, Func<Func<string>, Item>>(comment => newline => new Item(comment + newline(), null))),
            (4, Gen.Elements(Keywords).SelectMany(keyword => Instruction(escape, keyword, Word(first: true)))),
            (1, Heredoc()));

    private static Gen<string> Blank() => Gen.Elements("", " ", "\t", "  \t ");

    private static Gen<string> Comment() =>
        from indent in Gen.Elements("", " ", "\t ")
        from text in Gen.Elements(" a note", "", " hadolint ignore=DL3008", "#", " \\", " `")
        select indent + "#" + text;

    private static Gen<string> Word(bool first) =>
        from head in Gen.Elements(WordCharacters.Where(c => !first || c is not ('-' or '$')).ToArray())
        from tail in Gen.Elements(WordCharacters.ToCharArray()).ListOf()
        select head + new string([.. tail.Take(8)]);

    /// <summary>What joins two words: white space, or a continuation (blanks, the escape character, trailing blanks,
    /// a line break, comment or empty lines the builder skips, then the next line's indentation).</summary>
    private static Gen<Func<Func<string>, Piece>> Junction(char escape, bool afterKeyword) =>
        Gen.OneOf(
            Gen.Elements(" ", "\t", "  ", " \t").Select<string, Func<Func<string>, Piece>>(space => _ => new Piece(space, space)),
            from before in afterKeyword ? Gen.Elements(" ", "\t ") : Gen.Elements("", " ", "  ")
            from trailing in Gen.Elements("", "", " ", "\t", " \t ")
            from skipped in Gen.OneOf(Comment(), Blank().Where(b => b.Length > 0)).ListOf().Select(l => l.Take(3).ToList())
            from indent in Gen.Elements("", " ", "    ", "\t")
            select (Func<Func<string>, Piece>)(newline =>
            {
                var text = new StringBuilder(before).Append(escape).Append(trailing).Append(newline());
                foreach (var line in skipped)
                {
                    text.Append(line).Append(newline());
                }
                return new Piece(text.Append(indent).ToString(), before + indent);
            }));

    private static Gen<Func<Func<string>, Item>> Instruction(char escape, string keyword, Gen<string> firstWord) =>
        from indent in Gen.Elements("", "", " ", "\t")
        from spelled in Gen.Elements(keyword, keyword.ToLowerInvariant(), char.ToUpperInvariant(keyword[0]) + keyword[1..].ToLowerInvariant())
        from first in firstWord
        from rest in Word(first: false).ListOf().Select(l => l.Take(keyword == "FROM" ? 0 : 4).ToList())
        from junctions in Gen.ListOf(Junction(escape, afterKeyword: false), rest.Count + 1).Select(l => l.ToList())
        from keywordJunction in Junction(escape, afterKeyword: true)
        from trailing in Gen.Elements("", " ", "\t ")
        select (Func<Func<string>, Item>)(newline =>
        {
            var joined = keywordJunction(newline);
            var text = new StringBuilder(indent).Append(spelled).Append(joined.Text).Append(first);
            var arguments = new StringBuilder(first);
            for (var i = 0; i < rest.Count; i++)
            {
                var junction = junctions[i](newline);
                text.Append(junction.Text).Append(rest[i]);
                arguments.Append(junction.Logical).Append(rest[i]);
            }
            text.Append(trailing).Append(newline());
            return new Item(text.ToString(), new GeneratedInstruction(keyword, 0, arguments.ToString(), []));
        });

    private static Gen<Func<Func<string>, Item>> Heredoc() =>
        from chomp in Gen.Elements(false, true)
        from name in Gen.Elements("EOF", "END", "SCRIPT")
        from command in Gen.Elements("", " cat", " python3 -")
        from body in Gen.Elements("echo hi", "\techo tab", "# comment", "RUN not an instruction \\", "", "  EOF  ", "x`").ListOf().Select(l => l.Take(4).ToList())
        select (Func<Func<string>, Item>)(newline =>
        {
            var marker = "<<" + (chomp ? "-" : "") + name;
            var text = new StringBuilder("RUN ").Append(marker).Append(command).Append(newline());
            var content = new StringBuilder();
            foreach (var line in body)
            {
                var ending = newline();
                text.Append(line).Append(ending);
                content.Append(line).Append(ending);
            }
            text.Append(chomp ? "\t" : "").Append(name).Append(newline());
            return new Item(text.ToString(), new GeneratedInstruction("RUN", 0, marker + command, [content.ToString()]));
        });
}

/// <summary>An instruction as generated: keyword, first line, logical arguments and heredoc bodies.</summary>
public sealed record GeneratedInstruction(string Keyword, int Line, string Arguments, IReadOnlyList<string> Heredocs);
