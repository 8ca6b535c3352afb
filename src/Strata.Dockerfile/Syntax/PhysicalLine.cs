namespace Strata.Dockerfile.Syntax;

/// <summary>One line of the original text: where its content starts, how long it is, and its line ending's length
/// (<c>\n</c> 1, <c>\r\n</c> 2, none 0 on a last line without one).</summary>
internal readonly record struct PhysicalLine(int Number, int Start, int Length, int NewLineLength)
{
    public int End => Start + Length;

    public static List<PhysicalLine> Split(string text)
    {
        var lines = new List<PhysicalLine>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                lines.Add(new PhysicalLine(lines.Count + 1, start, text.Length - start, 0));
                break;
            }
            var crlf = newline > start && text[newline - 1] == '\r';
            lines.Add(new PhysicalLine(lines.Count + 1, start, newline - start - (crlf ? 1 : 0), crlf ? 2 : 1));
            start = newline + 1;
        }
        return lines;
    }
}
