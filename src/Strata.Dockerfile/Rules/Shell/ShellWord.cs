namespace Strata.Dockerfile.Rules.Shell;

/// <summary>
/// One word of a shell command: its value with quotes and escapes removed, and where it stands in the text it was read
/// from (<see cref="Start"/> inclusive, <see cref="End"/> exclusive), so a fix can insert text right after it.
/// </summary>
public sealed record ShellWord(string Value, int Start, int End)
{
    /// <summary>A flag word: <c>-y</c>, <c>--no-cache</c> (a lone <c>-</c> or <c>--</c> is not one).</summary>
    public bool IsFlag => Value.Length > 1 && Value[0] == '-' && Value != "--";
}
