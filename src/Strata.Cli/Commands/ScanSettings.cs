using System.ComponentModel;
using Spectre.Console.Cli;

namespace Strata.Cli.Commands;

public sealed class ScanSettings : ImageSettings
{
    [CommandOption("--db <PATH>")]
    [Description("The vulnerability database (default: osv/osv.sqlite in the cache folder, as 'strata db update' writes it)")]
    public string? Db { get; init; }

    [CommandOption("--severity <LIST>")]
    [Description("Keep only these severities, comma-separated: critical, high, medium, low, unknown (default: all)")]
    public string? Severity { get; init; }

    [CommandOption("--only-fixed")]
    [Description("Keep only vulnerabilities that have a fixed version")]
    public bool OnlyFixed { get; init; }

    [CommandOption("--ignore-base")]
    [Description("Leave out vulnerabilities in packages the base image's layers brought")]
    public bool IgnoreBase { get; init; }

    [CommandOption("--base-layers <N>")]
    [Description("The first N layers are the base image (default: from the OCI base labels and the history's last base CMD/ENTRYPOINT)")]
    public string? BaseLayers { get; init; }

    [CommandOption("--vex <FILE>")]
    [Description("An OpenVEX document whose not_affected and fixed statements suppress findings; repeatable (default: none)")]
    public string[] Vex { get; init; } = [];

    [CommandOption("--dockerfile <PATH>")]
    [Description("The image's Dockerfile: SARIF results point at the line that added each package (default: at the image)")]
    public string? Dockerfile { get; init; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (grouped by severity), json (every finding, suppressed ones marked), sarif (SARIF 2.1.0 for code scanning) or markdown (a table for a pull-request comment)")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    [CommandOption("-o|--output <FILE>")]
    [Description("Write the output to FILE, replaced whole ('-' for standard output, the default)")]
    public string? Output { get; init; }

    [CommandOption("--exit-code <N>")]
    [Description("Exit with N (0 to 255) when vulnerabilities remain after the filters and VEX (default: exit 0)")]
    public string? ExitCode { get; init; }
}
