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

    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));
}
