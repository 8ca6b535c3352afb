namespace Strata.Sbom.Catalogers.Binaries;

/// <summary>An executable's headers point outside the file or make no sense; caught while parsing, never escapes a cataloger.</summary>
internal sealed class MalformedExecutableException : Exception
{
    public MalformedExecutableException()
    {
    }

    public MalformedExecutableException(string message)
        : base(message)
    {
    }

    public MalformedExecutableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
