namespace Strata.Dockerfile.Syntax;

/// <summary>A range of characters in the original Dockerfile text: where it starts and how long it is.</summary>
public readonly record struct DockerfileSpan(int Offset, int Length)
{
    /// <summary>The offset just past the last character.</summary>
    public int End => Offset + Length;

    /// <summary>The span's characters in <paramref name="text"/>.</summary>
    public string Of(string text) => text.Substring(Offset, Length);

    internal static DockerfileSpan FromBounds(int start, int end) => new(start, end - start);
}
