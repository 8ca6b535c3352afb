namespace Strata.Dockerfile.Syntax;

/// <summary>What the reader found in an instruction's logical line, handed to <see cref="DockerfileInstruction"/>.</summary>
internal sealed record InstructionParts(
    LogicalText Logical,
    string Keyword,
    DockerfileSpan KeywordSpan,
    IReadOnlyList<DockerfileFlag> Flags,
    string Arguments,
    DockerfileSpan ArgumentsSpan,
    IReadOnlyList<string>? ExecArguments,
    IReadOnlyList<DockerfileWord> Words,
    IReadOnlyList<DockerfileVariable> Variables,
    DockerfileInstruction? OnBuild)
{
    public IReadOnlyList<DockerfileHeredoc> Heredocs { get; init; } = [];

    public IReadOnlyList<DockerfileComment> Comments { get; init; } = [];

    /// <summary>The heredoc markers of this line (or of ONBUILD's inner instruction), bodies still to be read.</summary>
    public IReadOnlyList<HeredocMarker> Markers { get; init; } = [];
}
