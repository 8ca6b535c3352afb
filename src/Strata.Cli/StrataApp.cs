using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Cli.Rendering;
using Strata.Images;

namespace Strata.Cli;

/// <summary>The command line: parses arguments, runs a command, and maps every failure to an exit code and a message.</summary>
public static class StrataApp
{
    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        args = ExploreShorthand(args, context);
        var app = new CommandApp();
        app.Configure(config => CommandLine.Configure(config, context));
        try
        {
            var exit = await app.RunAsync(JoinDashValues(args), context.Cancellation);
            while (context.Notes.TryDequeue(out var note))
            {
                context.Error.MarkupLine($"[grey]{TerminalText.Markup(note)}[/]");
            }
            RuntimeStatistics.Write(context);
            // Spectre prints a group's help when its subcommand is missing, and exits 1; a usage error is 2.
            return IsBareGroup(args) ? ExitCodes.BadInput : exit;
        }
        catch (Exception) when (context.Cancellation.IsCancellationRequested)
        {
            // Whatever an interrupted command threw on its way out (cancelled reads, closed streams) is the interruption.
            WriteError(context, "interrupted");
            return ExitCodes.Interrupted;
        }
        catch (StrataException e)
        {
            WriteError(context, e.Message);
        }
        catch (CommandAppException e)
        {
            WriteError(context, UsageError.Describe(e, args));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never a type name: the message, and how to see the rest.
            WriteError(context, $"internal error: {e.Message} (STRATA_DEBUG=1 prints the details)");
            if (context.GetEnvironmentVariable("STRATA_DEBUG") == "1")
            {
                context.Error.WriteException(e);
            }
        }
        return ExitCodes.BadInput;
    }

    /// <summary>
    /// Spectre's parser takes a lone "-" for a nameless option; after an option that takes a value ("--json -",
    /// "-o -") it means standard output, so it is passed joined ("--json=-", "-o=-").
    /// </summary>
    private static string[] JoinDashValues(string[] args)
    {
        if (!args.Contains("-"))
        {
            return args; // nothing to join: the command's settings need not be looked through (15 ms of a run's start)
        }
        var valued = CommandOptions.Of(CommandOptions.CommandPath(args)).Where(o => o.TakesValue).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var result = new List<string>(args.Length);
        foreach (var arg in args)
        {
            if (arg == "-" && result.Count > 0 && valued.Contains(result[^1]))
            {
                result[^1] += "=-";
            }
            else
            {
                // A lone "-" anywhere else is IMAGE read from standard input, which Spectre cannot take as an argument.
                result.Add(arg == "-" ? "/dev/stdin" : arg);
            }
        }
        return [.. result];
    }

    /// <summary>
    /// <c>strata IMAGE</c> is <c>strata explore IMAGE</c>, as <c>dive IMAGE</c> is dive's explorer: when the first
    /// word is no command and reads as an image reference (a transport, a tag, a digest or a registry path), or names
    /// a file or folder that exists. A bare word that is neither stays an unknown command, so a typo still gets its
    /// "did you mean".
    /// </summary>
    private static string[] ExploreShorthand(string[] args, CliContext context)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || CommandLine.Groups.Contains(args[0])
            || CommandLine.Commands.Any(c => c.Path[0] == args[0]))
        {
            return args;
        }
        var first = args[0];
        var looksLikeImage = first.IndexOfAny([':', '/', '@']) >= 0
            || File.Exists(context.ResolvePath(first)) || Directory.Exists(context.ResolvePath(first));
        return looksLikeImage ? ["explore", .. args] : args;
    }

    /// <summary>No arguments, or a command group alone: Spectre shows the help, and the exit is a usage error.</summary>
    private static bool IsBareGroup(string[] args) =>
        args.Length == 0 || args.Length == 1 && CommandLine.Groups.Contains(args[0]);

    /// <summary>One line: messages quote image content and arguments, so control characters are shown escaped.</summary>
    private static void WriteError(CliContext context, string message) =>
        context.Error.MarkupLine($"[red]strata: error:[/] {Markup.Escape(TerminalText.Message(message))}");
}
