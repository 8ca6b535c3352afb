namespace Strata.Images;

/// <summary>Bad input: an image, file or argument Strata cannot use. The message names what is wrong and where.</summary>
public class StrataException : Exception
{
    public StrataException(string message) : base(message) { }

    public StrataException(string message, Exception inner) : base(message, inner) { }

    public StrataException() { }
}
