using Spectre.Console;
using Spectre.Console.Cli;

namespace Strata.Cli.Commands;

/// <summary><c>strata version</c>: the same line as <c>strata --version</c>.</summary>
public sealed class VersionCommand(CliContext context) : Command<StrataSettings>
{
    public override int Execute(CommandContext commandContext, StrataSettings settings, CancellationToken cancellationToken)
    {
        context.Out.WriteLine(StrataVersion.Line);
        return ExitCodes.Success;
    }
}
