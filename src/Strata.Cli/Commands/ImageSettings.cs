using System.ComponentModel;
using Spectre.Console.Cli;

namespace Strata.Cli.Commands;

/// <summary>Options every command that reads an image shares.</summary>
public class ImageSettings : CommandSettings
{
    [CommandArgument(0, "<IMAGE>")]
    [Description("oci:DIR[:TAG], oci-archive:PATH[:TAG], docker-archive:PATH[:NAME:TAG], docker-daemon:NAME[:TAG], podman:NAME[:TAG], or a path")]
    public string Image { get; init; } = "";

    [CommandOption("--platform <OS/ARCH[/VARIANT]>")]
    [Description("Which image of a multi-platform index to read (default: the host's)")]
    public string? Platform { get; init; }

    [CommandOption("--username <USER>")]
    [Description("Registry user name; the password is read from standard input with --password-stdin")]
    public string? Username { get; init; }

    [CommandOption("--password-stdin")]
    [Description("Read the registry password from standard input")]
    public bool PasswordStdin { get; init; }

    [CommandOption("--insecure-registry <HOST>")]
    [Description("Allow plain HTTP to this registry host (loopback addresses always may); repeatable")]
    public string[] InsecureRegistries { get; init; } = [];

    [CommandOption("--cache-dir <DIR>")]
    [Description("The blob cache (default: STRATA_CACHE_DIR, else $XDG_CACHE_HOME/strata)")]
    public string? CacheDir { get; init; }

    [CommandOption("--timeout <DURATION>")]
    [Description("How long a registry connection may stall before it fails, for example 30s or 2m (default 30s); one request may take four times that in all")]
    public string? Timeout { get; init; }

    [CommandOption("--max-layer-size <SIZE>")]
    [Description("The most one layer may inflate to (default 64GiB)")]
    public string? MaxLayerSize { get; init; }
}
