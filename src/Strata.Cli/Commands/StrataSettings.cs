using System.ComponentModel;
using Spectre.Console.Cli;

namespace Strata.Cli.Commands;

/// <summary>Options every command shares.</summary>
public class StrataSettings : CommandSettings
{
    [CommandOption("-q|--quiet")]
    [Description("No progress bars and no decoration: only the output itself, warnings and errors")]
    public bool Quiet { get; init; }
}
