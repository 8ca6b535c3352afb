namespace Strata.Dockerfile.Syntax;

/// <summary>
/// Reads a line of the form <c>#  name = value</c> (white space allowed around the name and the <c>=</c>, trailing
/// white space dropped): the shape BuildKit accepts as a parser directive. Read by hand rather than with a regular
/// expression so a hostile line cannot make it backtrack.
/// </summary>
internal static class DirectiveLine
{
    /// <summary>The name and value, with the value's offset in <paramref name="line"/>; null if the line has another shape.</summary>
    public static (string Name, string Value, int ValueIndex)? Read(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || line[0] != '#')
        {
            return null;
        }
        var i = SkipWhiteSpace(line, 1);
        var nameStart = i;
        if (i >= line.Length || !char.IsAsciiLetter(line[i]))
        {
            return null;
        }
        while (i < line.Length && char.IsAsciiLetterOrDigit(line[i]))
        {
            i++;
        }
        var name = line[nameStart..i].ToString();
        i = SkipWhiteSpace(line, i);
        if (i >= line.Length || line[i] != '=')
        {
            return null;
        }
        var valueStart = SkipWhiteSpace(line, i + 1);
        var valueEnd = line.Length;
        while (valueEnd > valueStart && char.IsWhiteSpace(line[valueEnd - 1]))
        {
            valueEnd--;
        }
        return valueEnd == valueStart ? null : (name, line[valueStart..valueEnd].ToString(), valueStart);
    }

    private static int SkipWhiteSpace(ReadOnlySpan<char> line, int i)
    {
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }
        return i;
    }
}
