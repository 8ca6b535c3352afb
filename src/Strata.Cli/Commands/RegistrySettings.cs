using System.ComponentModel;
using Spectre.Console.Cli;

namespace Strata.Cli.Commands;

/// <summary>The options registry access and layer reading are built from: every command that reads an image, and scan-registry.</summary>
public abstract class RegistrySettings : StrataSettings
{
    [CommandOption("--platform <OS/ARCH>")]
    [Description("Which image of a multi-platform index to read, as os/arch[[/variant]] (default: the host's platform)")]
    public string? Platform { get; init; }

    [CommandOption("--username <USER>")]
    [Description("Registry user name; the password is read from standard input with --password-stdin (default: the Docker credentials in $DOCKER_CONFIG or ~/.docker)")]
    public string? Username { get; init; }

    [CommandOption("--password-stdin")]
    [Description("Read the registry password from standard input (needs --username)")]
    public bool PasswordStdin { get; init; }

    [CommandOption("--insecure-registry <HOST>")]
    [Description("Allow plain HTTP to this registry host (loopback addresses always may); repeatable (default: none)")]
    public string[] InsecureRegistries { get; init; } = [];

    [CommandOption("--cache-dir <DIR>")]
    [Description("The cache folder: blobs, and scan-registry's layer results (default: $STRATA_CACHE_DIR, else $XDG_CACHE_HOME/strata, else ~/.cache/strata)")]
    public string? CacheDir { get; init; }

    [CommandOption("--timeout <DURATION>")]
    [Description("How long a registry connection may stall before it fails, for example 30s or 2m (default 30s); one request may take four times that in all")]
    public string? Timeout { get; init; }

    [CommandOption("--max-layer-size <SIZE>")]
    [Description("The most one layer may inflate to, such as 512MiB or 2GB (default: 64GiB)")]
    public string? MaxLayerSize { get; init; }
}
