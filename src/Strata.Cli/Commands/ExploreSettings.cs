using System.ComponentModel;
using Spectre.Console.Cli;

namespace Strata.Cli.Commands;

public sealed class ExploreSettings : ImageSettings
{
    /// <summary>Not an option of explore: accepted only to point at analyze, which writes reports.</summary>
    [CommandOption("-f|--format <FORMAT>", IsHidden = true)]
    [Description("Not for explore, which is interactive: use 'strata analyze IMAGE --format json'")]
    public string? Format { get; init; }

    /// <summary>Not an option of explore: accepted only to point at analyze, which writes reports.</summary>
    [CommandOption("-o|--output <FILE>", IsHidden = true)]
    [Description("Not for explore, which is interactive: use 'strata analyze IMAGE --output FILE'")]
    public string? Output { get; init; }
}
