namespace Strata.TestKit;

/// <summary>What a command-line tool did: its exit code and everything it printed.</summary>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() =>
        $"exit code {ExitCode}\nstdout:\n{StandardOutput.TrimEnd()}\nstderr:\n{StandardError.TrimEnd()}";
}
