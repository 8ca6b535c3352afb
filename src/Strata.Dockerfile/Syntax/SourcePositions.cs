namespace Strata.Dockerfile.Syntax;

/// <summary>Turns an offset in the original text into a 1-based line and column (columns count characters).</summary>
internal sealed class SourcePositions
{
    private readonly int[] lineStarts;

    public SourcePositions(string text)
    {
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
        return (line + 1, offset - lineStarts[line] + 1);
    }
}
