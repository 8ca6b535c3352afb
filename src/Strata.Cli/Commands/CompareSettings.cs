using System.ComponentModel;
using Spectre.Console.Cli;

namespace Strata.Cli.Commands;

public sealed class CompareSettings : ImageSettings
{
    [CommandArgument(1, "<IMAGE2>")]
    [Description("The image to compare IMAGE with, in any form IMAGE takes, read with the same options; changes are from IMAGE to IMAGE2")]
    public string Image2 { get; init; } = "";

    [CommandOption("--db <PATH>")]
    [Description("The vulnerability database the vulnerabilities fixed and introduced are found with (default: osv/osv.sqlite in the cache folder if it exists; without one they are not compared)")]
    public string? Db { get; init; }

    [CommandOption("--policy <FILE>")]
    [Description("The policy file both images are judged by (default: strata-policy.yaml in the working folder, else the built-in policies)")]
    public string? Policy { get; init; }

    [CommandOption("--exit-on <KINDS>")]
    [Description("Exit 1 when one of these got worse from IMAGE to IMAGE2, comma-separated: size (the compressed or uncompressed size grew), package (a package was added or downgraded), vulnerability (one was introduced; needs a database), policy (a policy now fails, or the grade dropped) (default: exit 0)")]
    public string? ExitOn { get; init; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (the changes, largest files first), json (every change, as the README documents) or markdown (tables for a pull-request comment)")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    [CommandOption("-o|--output <FILE>")]
    [Description("Write the output to FILE, replaced whole ('-' for standard output, the default)")]
    public string? Output { get; init; }

    /// <summary>IMAGE2 with every source option IMAGE has (platform, credentials, cache, timeouts, limits).</summary>
    public ImageSettings SecondImage() => new()
    {
        Image = Image2,
        Quiet = Quiet,
        Platform = Platform,
        Username = Username,
        PasswordStdin = PasswordStdin,
        InsecureRegistries = InsecureRegistries,
        CacheDir = CacheDir,
        ImageSources = ImageSources,
        Source = Source,
        Timeout = Timeout,
        MaxLayerSize = MaxLayerSize,
    };
}
