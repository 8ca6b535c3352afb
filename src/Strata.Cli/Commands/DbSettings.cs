using System.ComponentModel;
using Spectre.Console.Cli;

namespace Strata.Cli.Commands;

/// <summary>Options every <c>strata db</c> command shares: which database.</summary>
public class DbSettings : StrataSettings
{
    [CommandOption("--db <PATH>")]
    [Description("The advisory database file (default: osv/osv.sqlite in the cache folder)")]
    public string? Db { get; init; }

    [CommandOption("--cache-dir <DIR>")]
    [Description("The cache folder that holds the default database (default: $STRATA_CACHE_DIR, else $XDG_CACHE_HOME/strata, else ~/.cache/strata)")]
    public string? CacheDir { get; init; }
}

public sealed class DbImportSettings : DbSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("A folder of OSV .json records (subfolders too), one .json record, or an OSV export zip (all.zip); several may be given")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--strict")]
    [Description("Fail on the first malformed record, naming its file and zip entry; without it such records are skipped with a warning (default: off)")]
    public bool Strict { get; init; }
}

public sealed class DbUpdateSettings : DbSettings
{
    [CommandOption("--ecosystem <LIST>")]
    [Description("Which OSV ecosystems to download, comma-separated or repeated (default: Debian,Alpine,npm,PyPI,Go,Maven,NuGet,crates.io,RubyGems,Packagist)")]
    public string[] Ecosystems { get; init; } = [];

    [CommandOption("--source <URL>")]
    [Description("Where the exports are, as SOURCE/ECOSYSTEM/all.zip: a mirror of OSV's bucket (default: https://osv-vulnerabilities.storage.googleapis.com)")]
    public string? Source { get; init; }

    [CommandOption("--timeout <DURATION>")]
    [Description("How long a connection may take to open, to answer, or stall mid-download, for example 30s or 2m (default 30s)")]
    public string? Timeout { get; init; }

    [CommandOption("--strict")]
    [Description("Fail on the first malformed record, naming its export and zip entry; without it such records are skipped with a warning (default: off)")]
    public bool Strict { get; init; }
}

public sealed class DbStatusSettings : DbSettings
{
    [CommandOption("-f|--format <FORMAT>")]
    [Description("table or json")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    [CommandOption("-o|--output <FILE>")]
    [Description("Write the output to FILE, replaced whole ('-' for standard output, the default)")]
    public string? Output { get; init; }
}
