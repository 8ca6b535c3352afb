using System.ComponentModel;
using Spectre.Console.Cli;

namespace Strata.Cli.Commands;

public sealed class LintSettings : StrataSettings
{
    [CommandArgument(0, "[DOCKERFILE]")]
    [Description("The Dockerfile to check, a folder holding one (a build context), or - for standard input (default: Dockerfile in the working folder)")]
    public string Dockerfile { get; init; } = "Dockerfile";

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (grouped by severity, with line numbers), json (an array of findings) or sarif (SARIF 2.1.0 for code scanning)")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    [CommandOption("-o|--output <FILE>")]
    [Description("Write the output to FILE, replaced whole ('-' for standard output, the default)")]
    public string? Output { get; init; }

    [CommandOption("--ignore <ID>")]
    [Description("Leave out a rule, by Strata ID (STR1001) or hadolint ID (DL3009); repeatable (default: none)")]
    public string[] Ignore { get; init; } = [];

    [CommandOption("--fix")]
    [Description("Apply the safe fixes (--no-install-recommends, the apt lists cleanup, pip --no-cache-dir, apk --no-cache) to the Dockerfile in place, then report what remains")]
    public bool Fix { get; init; }
}
