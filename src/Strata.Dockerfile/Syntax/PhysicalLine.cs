namespace Strata.Dockerfile.Syntax;

/// <summary>
/// One line of the original text: where its content starts, how long it is, and its line ending's length. As the
/// builder trims a line's end of every <c>\r</c> and <c>\n</c>, the line ending is the <c>\n</c> with all the
/// <c>\r</c> before it (<c>\r\n</c>: 2), or those <c>\r</c> alone on a last line without <c>\n</c>.
/// </summary>
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
            var end = newline < 0 ? text.Length : newline;
            var contentEnd = end;
            while (contentEnd > start && text[contentEnd - 1] == '\r')
            {
                contentEnd--;
            }
            var next = newline < 0 ? text.Length : newline + 1;
            lines.Add(new PhysicalLine(lines.Count + 1, start, contentEnd - start, next - contentEnd));
            start = next;
        }
        return lines;
    }
}
