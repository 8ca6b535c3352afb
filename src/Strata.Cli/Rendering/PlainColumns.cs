using System.Text;
using Spectre.Console;

namespace Strata.Cli.Rendering;

/// <summary>
/// Columns aligned with spaces, one line per row and no box drawing, as syft and docker print lists: a row is never
/// wrapped or cut, so each line stays whole for grep, awk and CI logs. Cells are made terminal-safe here.
/// </summary>
public sealed class PlainColumns(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public PlainColumns AddRow(params string[] cells)
    {
        _rows.Add(cells.Select(TerminalText.Safe).ToArray());
        return this;
    }

    /// <summary>One value per line, such as the digests of <c>cache ls -q</c>.</summary>
    public static void WriteLines(IAnsiConsole console, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            console.Profile.Out.Writer.WriteLine(TerminalText.Safe(line));
        }
    }

    /// <summary>Writes the header and the rows.</summary>
    public void Write(IAnsiConsole console)
    {
        var rows = _rows.Prepend(headers).ToList();
        var widths = new int[headers.Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < widths.Length && i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = i < row.Length ? row[i] : "";
                line.Append(i == widths.Length - 1 ? cell : cell.PadRight(widths[i] + 3));
            }
            // Plain Write, not markup: cells are data, and Spectre must not wrap them.
            console.Profile.Out.Writer.WriteLine(line.ToString().TrimEnd());
        }
    }
}
