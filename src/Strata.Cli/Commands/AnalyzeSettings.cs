using System.ComponentModel;
using Spectre.Console.Cli;

namespace Strata.Cli.Commands;

public sealed class AnalyzeSettings : ImageSettings
{
    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (the report) or json (dive's JSON export plus Strata's numbers)")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    [CommandOption("-o|--output <FILE>")]
    [Description("Write the output to FILE, replaced whole ('-' for standard output, the default)")]
    public string? Output { get; init; }

    [CommandOption("-j|--json <FILE>")]
    [Description("Same as --format json --output FILE, as dive spells it; the report still goes to standard output unless FILE is '-'")]
    public string? Json { get; init; }

    [CommandOption("--ci")]
    [Description("Evaluate the CI rules and exit 1 when one fails (default: off, on when CI=true)")]
    public bool Ci { get; init; }

    [CommandOption("--ci-config <FILE>")]
    [Description("dive's .dive-ci rules file (default: .dive-ci in the working folder, when present)")]
    public string? CiConfig { get; init; }

    [CommandOption("--lowest-efficiency|--lowestEfficiency <RATIO>")]
    [Description("CI rule: fail below this efficiency, 0 to 1 (default: 0.9, or the rules file's)")]
    public string? LowestEfficiency { get; init; }

    [CommandOption("--highest-wasted-bytes|--highestWastedBytes <SIZE>")]
    [Description("CI rule: fail above this many wasted bytes, such as 20MB (default: disabled, or the rules file's)")]
    public string? HighestWastedBytes { get; init; }

    [CommandOption("--highest-user-wasted-percent|--highestUserWastedPercent <RATIO>")]
    [Description("CI rule: fail above this share of user layers wasted, 0 to 1 (default: 0.1, or the rules file's)")]
    public string? HighestUserWastedPercent { get; init; }

    [CommandOption("--highest-dead-bytes <SIZE>")]
    [Description("CI rule (Strata's): fail above this many dead bytes, such as 20MB (default: disabled, or the rules file's)")]
    public string? HighestDeadBytes { get; init; }

    [CommandOption("--highest-dead-percent <RATIO>")]
    [Description("CI rule (Strata's): fail above this share of stored file bytes dead, 0 to 1 (default: disabled, or the rules file's)")]
    public string? HighestDeadPercent { get; init; }

    [CommandOption("--sbom <FILE>")]
    [Description("Also write the SBOM to FILE ('-' for standard output), from the same single read of the image (default: none)")]
    public string? Sbom { get; init; }

    [CommandOption("--sbom-format <FORMAT>")]
    [Description("The SBOM's format: json, cyclonedx-json or spdx-json")]
    [DefaultValue("cyclonedx-json")]
    public string SbomFormat { get; init; } = "cyclonedx-json";

    [CommandOption("--top <N>")]
    [Description("How many files each list of the report shows")]
    [DefaultValue(10)]
    public int Top { get; init; } = 10;
}
