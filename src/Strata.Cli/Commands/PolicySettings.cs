using System.ComponentModel;
using Spectre.Console.Cli;

namespace Strata.Cli.Commands;

public sealed class PolicySettings : ImageSettings
{
    [CommandOption("--policy <FILE>")]
    [Description("The policy file (default: strata-policy.yaml in the working folder, else every built-in policy with its defaults)")]
    public string? Policy { get; init; }

    [CommandOption("--db <PATH>")]
    [Description("The vulnerability database (default: osv/osv.sqlite in the cache folder; without one the vulnerability policies are skipped)")]
    public string? Db { get; init; }

    [CommandOption("--base-layers <N>")]
    [Description("The first N layers are the base image (default: from the OCI base labels and the history's last base CMD/ENTRYPOINT)")]
    public string? BaseLayers { get; init; }

    [CommandOption("--dockerfile <PATH>")]
    [Description("The image's Dockerfile: secrets and the root user name the line to change, and SARIF results point at it (default: at the image)")]
    public string? Dockerfile { get; init; }

    [CommandOption("--online")]
    [Description("Read the base image's tag from its registry, for base-image-up-to-date (default: that policy is skipped)")]
    public bool Online { get; init; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (a row per policy with its evidence, and the grade), json, sarif (SARIF 2.1.0, a result per failed policy) or markdown")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    [CommandOption("-o|--output <FILE>")]
    [Description("Write the output to FILE, replaced whole ('-' for standard output, the default)")]
    public string? Output { get; init; }

    [CommandOption("--exit-code <N>")]
    [Description("Exit with N (0 to 255) when a policy fails; 0 never fails (default: 1)")]
    public string? ExitCode { get; init; }
}
