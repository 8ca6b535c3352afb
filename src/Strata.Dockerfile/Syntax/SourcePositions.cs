namespace Strata.Dockerfile.Syntax;

/// <summary>Turns an offset in the original text into a 1-based line and column (columns count characters; a byte
/// order mark at the start, which editors do not show, is not counted).</summary>
internal sealed class SourcePositions
{
    private readonly int[] lineStarts;
    private readonly bool byteOrderMark;

    public SourcePositions(string text)
    {
        byteOrderMark = text.StartsWith('\uFEFF');
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        lineStarts = [.. starts];
    }

    public (int Line, int Column) Of(int offset)
    {
        var index = Array.BinarySearch(lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        var column = offset - lineStarts[line] + 1;
        return (line + 1, line == 0 && byteOrderMark && offset > 0 ? column - 1 : column);
    }
}
