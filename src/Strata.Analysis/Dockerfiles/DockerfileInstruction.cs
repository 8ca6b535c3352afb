namespace Strata.Analysis.Dockerfiles;

/// <summary>
/// One Dockerfile instruction: its keyword (upper case), its arguments with continuation lines joined, and the lines
/// it spans (1-based), plus the index of the build stage (the <c>FROM</c> it follows) it belongs to.
/// </summary>
public sealed record DockerfileInstruction(string Keyword, string Arguments, int StartLine, int EndLine, int Stage)
{
    /// <summary>The instruction as one line: <c>KEYWORD arguments</c>.</summary>
    public string Text => Arguments.Length == 0 ? Keyword : $"{Keyword} {Arguments}";
}
