namespace Strata.Dockerfile.Syntax;

/// <summary>
/// One <c>--name=value</c> (or bare <c>--name</c>) flag before an instruction's arguments. <see cref="Name"/> is lower
/// case without the dashes; <see cref="Value"/> has its quotes removed and is null for a bare flag such as
/// <c>--link</c>. Spans point into the original text.
/// </summary>
public sealed record DockerfileFlag(string Name, string? Value, DockerfileSpan Span, DockerfileSpan? ValueSpan)
{
    /// <summary>The flag as the builder reads it: <c>--name=value</c>.</summary>
    public override string ToString() => Value is null ? "--" + Name : $"--{Name}={Value}";
}
