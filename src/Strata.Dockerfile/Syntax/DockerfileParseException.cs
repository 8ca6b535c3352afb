namespace Strata.Dockerfile.Syntax;

/// <summary>
/// A Dockerfile the builder would reject. The message names the file, the line and the column (1-based), so a
/// command can show it as is; the command maps it to exit 2 like any other bad input.
/// </summary>
public sealed class DockerfileParseException : Exception
{
    public DockerfileParseException(string? path, int line, int column, string detail)
        : base($"{path ?? "Dockerfile"}: line {line}, column {column}: {detail}")
    {
        Path = path;
        Line = line;
        Column = column;
        Detail = detail;
    }

    public DockerfileParseException()
        : this(null, 1, 1, "invalid Dockerfile")
    {
    }

    public DockerfileParseException(string message)
        : base(message)
    {
        Line = 1;
        Column = 1;
        Detail = message;
    }

    public DockerfileParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Line = 1;
        Column = 1;
        Detail = message;
    }

    /// <summary>The file named in the message, or null when the text did not come from a file.</summary>
    public string? Path { get; }

    /// <summary>The line of the fault, 1-based.</summary>
    public int Line { get; }

    /// <summary>The column of the fault, 1-based, counted in characters.</summary>
    public int Column { get; }

    /// <summary>The message without the file, line and column.</summary>
    public string Detail { get; }
}
