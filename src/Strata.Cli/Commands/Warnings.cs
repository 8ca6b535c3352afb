using Spectre.Console;
using Strata.Cli.Rendering;

namespace Strata.Cli.Commands;

/// <summary>Warnings about the image, on standard error, each made terminal-safe (they quote image content).</summary>
internal static class Warnings
{
    public static void Write(CliContext context, IEnumerable<string> warnings)
    {
        foreach (var warning in warnings)
        {
            context.Error.MarkupLine($"[yellow]warning:[/] {Markup.Escape(TerminalText.Message(warning))}");
        }
    }
}
