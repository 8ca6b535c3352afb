using System.ComponentModel;
using Spectre.Console.Cli;

namespace Strata.Cli.Commands;

public sealed class AnalyzeSettings : ImageSettings
{
    [CommandOption("--json <FILE>")]
    [Description("Write dive's JSON export plus Strata's numbers to FILE ('-' for standard output)")]
    public string? Json { get; init; }

    [CommandOption("--ci")]
    [Description("Evaluate the CI rules and exit 1 when one fails (also when CI=true)")]
    public bool Ci { get; init; }

    [CommandOption("--ci-config <FILE>")]
    [Description("dive's .dive-ci rules file (default: .dive-ci in the working folder, when present)")]
    public string? CiConfig { get; init; }

    [CommandOption("--lowest-efficiency <RATIO>")]
    public string? LowestEfficiency { get; init; }

    [CommandOption("--highest-wasted-bytes <SIZE>")]
    public string? HighestWastedBytes { get; init; }

    [CommandOption("--highest-user-wasted-percent <RATIO>")]
    public string? HighestUserWastedPercent { get; init; }

    [CommandOption("--highest-dead-bytes <SIZE>")]
    public string? HighestDeadBytes { get; init; }

    [CommandOption("--highest-dead-percent <RATIO>")]
    public string? HighestDeadPercent { get; init; }

    [CommandOption("--sbom <FILE>")]
    [Description("Also write the SBOM, from the same single read of the image")]
    public string? Sbom { get; init; }

    [CommandOption("--sbom-format <FORMAT>")]
    [Description("json, cyclonedx-json (default) or spdx-json")]
    public string SbomFormat { get; init; } = "cyclonedx-json";

    [CommandOption("--top <N>")]
    [Description("How many files each list of the report shows (default 10)")]
    public int Top { get; init; } = 10;
}
