using System.ComponentModel;
using Spectre.Console.Cli;

namespace Strata.Cli.Commands;

/// <summary>Options every command that reads an image shares.</summary>
public class ImageSettings : RegistrySettings
{
    [CommandArgument(0, "<IMAGE>")]
    [Description("oci:DIR[[:TAG]], oci-archive:PATH[[:TAG]], docker-archive:PATH[[:NAME:TAG]], docker-daemon:NAME[[:TAG]], podman:NAME[[:TAG]], docker://REGISTRY/REPOSITORY[[:TAG]], REGISTRY/REPOSITORY[[:TAG]], or a path")]
    public string Image { get; init; } = "";

    [CommandOption("--image-src <SOURCES>")]
    [Description("Where a bare reference such as myapp:latest is looked for, in order: docker, podman, remote (default docker,podman,remote)")]
    public string? ImageSources { get; init; }

    [CommandOption("--source <SOURCE>")]
    [Description("dive's spelling: read IMAGE from docker (the engine), podman or docker-archive")]
    public string? Source { get; init; }
}
