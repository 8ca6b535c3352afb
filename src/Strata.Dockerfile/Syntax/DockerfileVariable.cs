namespace Strata.Dockerfile.Syntax;

/// <summary>
/// A name an ARG, ENV or LABEL instruction sets. <see cref="Value"/> is the raw value as written (quotes kept, not
/// expanded; <see cref="DockerfileDocument.Expand"/> processes it), null for an <c>ARG NAME</c> with no default.
/// </summary>
public sealed record DockerfileVariable(string Name, string? Value, DockerfileSpan Span, DockerfileSpan? ValueSpan);
