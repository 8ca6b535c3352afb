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

namespace Strata.Cli.Commands;

public sealed class SbomSettings : ImageSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("table (default), json (Strata's model), cyclonedx-json (CycloneDX 1.6) or spdx-json (SPDX 2.3)")]
    public string Format { get; init; } = "table";

    [CommandOption("-o|--output <FILE>")]
    [Description("Write to FILE instead of standard output")]
    public string? Output { get; init; }
}

/// <summary><c>strata sbom IMAGE</c>: every package of every ecosystem, traced to the layer and Dockerfile line that brought it.</summary>
public sealed class SbomCommand(CliContext context) : AsyncCommand<SbomSettings>
{
    private static readonly string[] Formats = ["table", "json", "cyclonedx-json", "spdx-json"];

    public override async Task<int> ExecuteAsync(CommandContext commandContext, SbomSettings settings, CancellationToken cancellationToken)
    {
        if (!Formats.Contains(settings.Format))
        {
            throw new StrataException($"--format: '{settings.Format}' is not one of {string.Join(", ", Formats)}");
        }
        var (_, sbom) = await ImageLoader.ReadAsync(context, settings,
            (image, options, progress) => SbomBuilder.Build(image, options, CatalogerRegistry.All(), progress, cancellationToken), cancellationToken);
        foreach (var warning in sbom.Warnings)
        {
            context.Error.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }
        if (settings.Format == "table")
        {
            if (settings.Output is not null)
            {
                throw new StrataException("--output: the table is for people; write json, cyclonedx-json or spdx-json to a file");
            }
            Render(sbom);
            return ExitCodes.Success;
        }
        var write = Writer(context, sbom, settings.Format);
        if (settings.Output is null)
        {
            await using var stdout = context.OpenStandardOutput();
            write(stdout);
        }
        else
        {
            AtomicFile.Write(context.ResolvePath(settings.Output), write);
        }
        return ExitCodes.Success;
    }

    /// <summary>Writes an SBOM in one of the file formats (json, cyclonedx-json, spdx-json).</summary>
    internal static Action<Stream> Writer(CliContext context, SbomDocument sbom, string format)
    {
        var writeOptions = SbomWriteOptions.From(context.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), typeof(SbomCommand).Assembly.GetName().Version?.ToString() ?? "0");
        return format switch
        {
            "json" => s => StrataJsonWriter.Write(sbom, s),
            "cyclonedx-json" => s => SbomFormats.WriteCycloneDx(sbom, s, writeOptions),
            "spdx-json" => s => SbomFormats.WriteSpdx(sbom, s, writeOptions),
            _ => throw new StrataException($"SBOM format '{format}' is not one of json, cyclonedx-json, spdx-json"),
        };
    }

    private void Render(SbomDocument sbom)
    {
        context.Out.MarkupLine($"[bold]{Markup.Escape(sbom.ImageName)}[/]  {Markup.Escape(sbom.Os?.PrettyName ?? sbom.Os?.Distro ?? "unknown OS")}  {sbom.Packages.Count} packages");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Type").AddColumn("Name").AddColumn("Version").AddColumn(new TableColumn("Layer").RightAligned()).AddColumn("Added by");
        foreach (var package in sbom.Packages)
        {
            var location = package.Locations.FirstOrDefault();
            table.AddRow(
                Markup.Escape(package.Ecosystem),
                Markup.Escape(package.Name),
                Markup.Escape(package.Version),
                location?.Layer.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(Shorten(location?.CreatedBy ?? "", 50)));
        }
        context.Out.Write(table);
    }

    private static string Shorten(string text, int width)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= width ? flat : flat[..(width - 1)] + "…";
    }
}
