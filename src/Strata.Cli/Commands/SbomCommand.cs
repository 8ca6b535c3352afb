using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Analysis;
using Strata.Analysis.Gate;
using Strata.Images;
using Strata.Images.Output;
using Strata.Sbom;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;
using Strata.Sbom.Output;
using Strata.Cli.Rendering;

namespace Strata.Cli.Commands;

public sealed class SbomSettings : ImageSettings
{
    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (one line per package), json (Strata's model), cyclonedx-json (CycloneDX 1.6) or spdx-json (SPDX 2.3)")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    [CommandOption("-o|--output <FILE>")]
    [Description("Write the output to FILE, replaced whole ('-' for standard output, the default)")]
    public string? Output { get; init; }
}

/// <summary><c>strata sbom IMAGE</c>: every package of every ecosystem, traced to the layer and Dockerfile line that brought it.</summary>
public sealed class SbomCommand(CliContext context) : AsyncCommand<SbomSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext commandContext, SbomSettings settings, CancellationToken cancellationToken)
    {
        var format = CommandOutput.Format(settings.Format, ["table", .. FileFormats]);
        var (_, sbom) = await ImageLoader.ReadAsync(context, settings,
            (image, options, progress) => SbomBuilder.Build(image, options, CatalogerRegistry.All(), progress, cancellationToken), cancellationToken);
        Warnings.Write(context, sbom.Warnings);
        if (format == "table")
        {
            CommandOutput.Render(context, settings.Output, console => Render(console, sbom, settings.Quiet));
            return ExitCodes.Success;
        }
        await CommandOutput.WriteAsync(context, settings.Output, Writer(context, sbom, format));
        return ExitCodes.Success;
    }

    /// <summary>The SBOM formats written as files (and by analyze --sbom).</summary>
    internal static readonly string[] FileFormats = ["json", "cyclonedx-json", "spdx-json"];

    /// <summary>Writes an SBOM in one of the <see cref="FileFormats"/>.</summary>
    internal static Action<Stream> Writer(CliContext context, SbomDocument sbom, string format)
    {
        var writeOptions = SbomWriteOptions.From(context.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), StrataVersion.Version);
        return format switch
        {
            "json" => s => StrataJsonWriter.Write(sbom, s),
            "cyclonedx-json" => s => SbomFormats.WriteCycloneDx(sbom, s, writeOptions),
            "spdx-json" => s => SbomFormats.WriteSpdx(sbom, s, writeOptions),
            _ => throw new StrataException($"SBOM format '{format}' is not one of json, cyclonedx-json, spdx-json"),
        };
    }

    /// <summary>One line per package, NAME VERSION TYPE LAYER, as syft prints its table.</summary>
    private static void Render(IAnsiConsole console, SbomDocument sbom, bool quiet)
    {
        if (!quiet)
        {
            console.MarkupLine($"[bold]{TerminalText.Markup(sbom.ImageName)}[/]  {TerminalText.Markup(sbom.Os?.PrettyName ?? sbom.Os?.Distro ?? "unknown OS")}  {Plural.Of(sbom.Packages.Count, "package")}");
        }
        var table = new PlainColumns("NAME", "VERSION", "TYPE", "LAYER");
        foreach (var package in sbom.Packages)
        {
            var layer = package.Locations.FirstOrDefault()?.Layer.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
            table.AddRow(package.Name, package.Version, package.Ecosystem, layer);
        }
        table.Write(console);
    }
}
