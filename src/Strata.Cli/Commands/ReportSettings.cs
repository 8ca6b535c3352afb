using System.ComponentModel;
using Spectre.Console.Cli;

namespace Strata.Cli.Commands;

public sealed class ReportSettings : ImageSettings
{
    [CommandOption("-o|--output <FILE>")]
    [Description("Write the HTML page to FILE, replaced whole ('-' for standard output); required")]
    public string? Output { get; init; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("html: one self-contained page (its scripts, styles and data inside; no network request)")]
    [DefaultValue("html")]
    public string Format { get; init; } = "html";

    [CommandOption("--db <PATH>")]
    [Description("The vulnerability database: adds the vulnerabilities table and card (default: no vulnerability scan)")]
    public string? Db { get; init; }

    [CommandOption("--dockerfile <PATH>")]
    [Description("The image's Dockerfile: layers, waste and advice name the line to change (default: no lines)")]
    public string? Dockerfile { get; init; }

    [CommandOption("--policy <FILE>")]
    [Description("A policy file (strata-policy.yaml): adds the policy grade card and each policy's verdict (default: no policies)")]
    public string? Policy { get; init; }
}
