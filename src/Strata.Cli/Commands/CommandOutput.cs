using System.Text;
using Spectre.Console;
using Strata.Images;
using Strata.Images.Output;

namespace Strata.Cli.Commands;

/// <summary>
/// Where a command's output goes: standard output when no file is named or the file is '-', otherwise the file,
/// written through a temporary sibling and renamed into place so no reader sees half of it.
/// </summary>
internal static class CommandOutput
{
    public static bool IsStandardOutput(string? path) => path is null or "-";

    /// <summary>Writes bytes (JSON, raw manifests) to the chosen place.</summary>
    public static async Task WriteAsync(CliContext context, string? path, Action<Stream> write)
    {
        if (IsStandardOutput(path))
        {
            await using var stdout = context.OpenStandardOutput();
            write(stdout);
            return;
        }
        AtomicFile.Write(context.ResolvePath(path!), write);
    }

    /// <summary>
    /// Renders text for people to the chosen place: the output console, or a file as plain text (no colour, and
    /// wide enough that no line is ever wrapped).
    /// </summary>
    public static void Render(CliContext context, string? path, Action<IAnsiConsole> render)
    {
        if (IsStandardOutput(path))
        {
            render(context.Out);
            return;
        }
        var text = new StringWriter();
        render(PlainConsole(text));
        AtomicFile.Write(context.ResolvePath(path!), stream => stream.Write(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A console writing plain text (no colours, no escapes, no wrapping) to <paramref name="writer"/>, as a report file is.</summary>
    public static IAnsiConsole PlainConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = CliContext.UnwrappedWidth;
        return console;
    }

    /// <summary>Checks a --format value against the command's formats, naming the option and the choices.</summary>
    public static string Format(string format, params string[] formats) => Choice("--format", format, formats);

    /// <summary>Checks an option's value against its choices, naming the option and the choices.</summary>
    public static string Choice(string option, string value, IReadOnlyList<string> choices) => choices.Contains(value, StringComparer.Ordinal)
        ? value
        : throw new StrataException($"{option}: '{value}' is not one of {string.Join(", ", choices)}");
}
