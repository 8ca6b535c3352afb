using System.ComponentModel;
using Spectre.Console.Cli;

namespace Strata.Cli.Commands;

public sealed class ScanRegistrySettings : RegistrySettings
{
    [CommandArgument(0, "<REGISTRY>")]
    [Description("The registry host, with an optional repository prefix: localhost:5000, registry.example.com/team")]
    public string Registry { get; init; } = "";

    [CommandOption("--tags <WHICH>")]
    [Description("Which tags of each repository: latest, all, or newest:N (the N whose config was created last) (default: latest)")]
    public string? Tags { get; init; }

    [CommandOption("--concurrency <N>")]
    [Description("How many images are scanned at once, 1 to 64 (default: 2)")]
    public string? Concurrency { get; init; }

    [CommandOption("-o|--output <DIR>")]
    [Description("The folder for reports/sha256-HEX.json (one per image) and summary.json; a second run into it skips what it reported (default: strata-scan)")]
    public string? Output { get; init; }

    [CommandOption("--shard <I/N>")]
    [Description("Scan only the repositories whose name hashes (SHA-256) to I modulo N, so N machines split a registry (default: 0/1, all)")]
    public string? Shard { get; init; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("How the summary is printed on standard output: table, or json (as summary.json) (default: table)")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    [CommandOption("--db <PATH>")]
    [Description("The vulnerability database (default: osv/osv.sqlite in the cache folder, as 'strata db update' writes it)")]
    public string? Db { get; init; }

    [CommandOption("--policy <FILE>")]
    [Description("The policy file (default: strata-policy.yaml in the working folder, else the built-in policies)")]
    public string? Policy { get; init; }
}
