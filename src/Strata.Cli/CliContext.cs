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
    public static CliContext FromProcess()
    {
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected)
        {
            // Messages read by programs stay one per line instead of wrapping at 80 columns.
            error.Profile.Width = 4096;
        }
        return new CliContext(
            AnsiConsole.Console,
            error,
            Console.OpenStandardOutput,
            () => Console.In,
            Environment.GetEnvironmentVariable,
            Environment.CurrentDirectory,
            !Console.IsErrorRedirected);
    }

    /// <summary>Signalled by SIGINT or SIGTERM; every command stops at its next check, cleans up, and exits 130.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Standard input as bytes, for an image piped in (<c>docker save app | strata analyze -</c>).</summary>
    public Func<Stream> OpenStandardInputBytes { get; init; } = Console.OpenStandardInput;

    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));
}
