using System.ComponentModel;
using Spectre.Console.Cli;

namespace Strata.Cli.Commands;

public sealed class SlimSettings : ImageSettings
{
    [CommandArgument(1, "<DEST>")]
    [Description("Where to write the slim image: oci:DIR[[:TAG]], oci-archive:PATH[[:TAG]], docker-archive:PATH[[:NAME:TAG]], or REGISTRY/REPOSITORY[[:TAG]] (docker://… too) to push it")]
    public string Destination { get; init; } = "";

    [CommandOption("--rewrite-base")]
    [Description("Remove the dead bytes of the base image's layers too (default: base layers are kept byte for byte, so they stay shared)")]
    public bool RewriteBase { get; init; }

    [CommandOption("--base-layers <N>")]
    [Description("The first N layers are the base image (default: from the OCI base labels and the history's last base CMD/ENTRYPOINT)")]
    public string? BaseLayers { get; init; }

    [CommandOption("--drop <WHAT>")]
    [Description("Also remove caches (package-manager caches and lists, /tmp), docs (/usr/share/doc, man, info; copyright files stay) or locales (all but --keep-locale); repeatable")]
    public string[] Drop { get; init; } = [];

    [CommandOption("--keep-locale <LOCALE>")]
    [Description("With --drop locales: a locale to keep, such as en_US or de; repeatable (default: none)")]
    public string[] KeepLocales { get; init; } = [];

    [CommandOption("--remove <GLOB>")]
    [Description("Also remove the paths matching GLOB, such as /opt/app/tests/** ; repeatable")]
    public string[] Remove { get; init; } = [];

    [CommandOption("--squash")]
    [Description("Make all layers above the base one layer")]
    public bool Squash { get; init; }

    [CommandOption("--compression <ALGORITHM>")]
    [Description("gzip or zstd, for the layers written anew")]
    [DefaultValue("gzip")]
    public string Compression { get; init; } = "gzip";

    [CommandOption("--compression-level <N>")]
    [Description("The compression level: 1-9 for gzip, 1-22 for zstd (default: 6 for gzip, 3 for zstd)")]
    public string? CompressionLevel { get; init; }

    [CommandOption("--dry-run")]
    [Description("Slim and prove as usual, print the summary, but write nothing to DEST")]
    public bool DryRun { get; init; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table or json, for the summary")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    [CommandOption("-o|--output <FILE>")]
    [Description("Write the summary to FILE, replaced whole ('-' for standard output, the default)")]
    public string? Output { get; init; }
}
