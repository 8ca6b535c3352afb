using System.ComponentModel;
using Spectre.Console.Cli;

namespace Strata.Cli.Commands;

/// <summary>Options every command that reads an image shares.</summary>
public class ImageSettings : StrataSettings, IRegistrySettings
{
    [CommandArgument(0, "<IMAGE>")]
    [Description("oci:DIR[[:TAG]], oci-archive:PATH[[:TAG]], docker-archive:PATH[[:NAME:TAG]], docker-daemon:NAME[[:TAG]], podman:NAME[[:TAG]], docker://REGISTRY/REPOSITORY[[:TAG]], REGISTRY/REPOSITORY[[:TAG]], or a path")]
    public string Image { get; init; } = "";

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
    [Description("The blob cache (default: $STRATA_CACHE_DIR, else $XDG_CACHE_HOME/strata, else ~/.cache/strata)")]
    public string? CacheDir { get; init; }

    [CommandOption("--image-src <SOURCES>")]
    [Description("Where a bare reference such as myapp:latest is looked for, in order: docker, podman, remote (default docker,podman,remote)")]
    public string? ImageSources { get; init; }

    [CommandOption("--source <SOURCE>")]
    [Description("dive's spelling: read IMAGE from docker (the engine), podman or docker-archive")]
    public string? Source { get; init; }

    [CommandOption("--timeout <DURATION>")]
    [Description("How long a registry connection may stall before it fails, for example 30s or 2m (default 30s); one request may take four times that in all")]
    public string? Timeout { get; init; }

    [CommandOption("--max-layer-size <SIZE>")]
    [Description("The most one layer may inflate to, such as 512MiB or 2GB (default: 64GiB)")]
    public string? MaxLayerSize { get; init; }
}
