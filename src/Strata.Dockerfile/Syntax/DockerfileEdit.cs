namespace Strata.Dockerfile.Syntax;

/// <summary>
/// One change to the original text: replace <paramref name="Length"/> characters at <paramref name="Offset"/> with
/// <paramref name="Replacement"/>. A length of 0 inserts; an empty replacement deletes.
/// </summary>
public sealed record DockerfileEdit(int Offset, int Length, string Replacement)
{
    public static DockerfileEdit Insert(int offset, string text) => new(offset, 0, text);

    public static DockerfileEdit Replace(DockerfileSpan span, string text) => new(span.Offset, span.Length, text);

    public static DockerfileEdit Delete(DockerfileSpan span) => new(span.Offset, span.Length, "");
}
