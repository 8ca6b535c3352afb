using Spectre.Console;

namespace Strata.Cli;

/// <summary>Everything of the process a command may touch: consoles, standard output, environment, working folder.</summary>
public sealed record CliContext(
    IAnsiConsole Out,
    IAnsiConsole Error,
    Func<Stream> OpenStandardOutput,
    Func<TextReader> OpenStandardInput,
    Func<string, string?> GetEnvironmentVariable,
    string WorkingDirectory,
    bool ErrorIsTerminal)
{
    /// <summary>
    /// The width given to a console that is not a terminal: wide enough that Spectre never wraps a line, so a digest
    /// or a gate line read by grep or a CI log is never split.
    /// </summary>
    public const int UnwrappedWidth = 32767;

    public static CliContext FromProcess()
    {
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected)
        {
            // Messages read by programs stay one per line instead of wrapping at 80 columns.
            error.Profile.Width = UnwrappedWidth;
        }
        var output = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            output.Profile.Width = UnwrappedWidth;
        }
        return new CliContext(
            output,
            error,
            Console.OpenStandardOutput,
            () => Console.In,
            Environment.GetEnvironmentVariable,
            Environment.CurrentDirectory,
            !Console.IsErrorRedirected)
        {
            IsInteractiveTerminal = !Console.IsInputRedirected && !Console.IsOutputRedirected,
        };
    }

    /// <summary>Standard input and output are both a terminal, as the interactive explorer needs.</summary>
    public bool IsInteractiveTerminal { get; init; }

    /// <summary>Signalled by SIGINT or SIGTERM; every command stops at its next check, cleans up, and exits 130.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Standard input as bytes, for an image piped in (<c>docker save app | strata analyze -</c>).</summary>
    public Func<Stream> OpenStandardInputBytes { get; init; } = Console.OpenStandardInput;

    /// <summary>
    /// Notes for people (which source a bare reference came from), printed on standard error once the command has
    /// succeeded, so that a failure stays one line naming the problem.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Notes { get; } = new();

    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));
}
