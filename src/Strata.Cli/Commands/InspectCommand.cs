using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Cli.Rendering;
using Strata.Images;
using Strata.Images.Model;
using Strata.Images.Output;

namespace Strata.Cli.Commands;

public sealed class InspectSettings : ImageSettings
{
    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (the report), json, or raw (the manifest or index bytes exactly as served)")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    [CommandOption("-o|--output <FILE>")]
    [Description("Write the output to FILE, replaced whole ('-' for standard output, the default)")]
    public string? Output { get; init; }

    [CommandOption("--raw")]
    [Description("Same as --format raw")]
    public bool Raw { get; init; }

    [CommandOption("--json")]
    [Description("Same as --format json")]
    public bool Json { get; init; }
}

/// <summary><c>strata inspect REF</c>: platforms, digests, config and layers, without downloading any layer.</summary>
public sealed class InspectCommand(CliContext context) : AsyncCommand<InspectSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext commandContext, InspectSettings settings, CancellationToken cancellationToken)
    {
        var format = Format(settings);
        using var opened = await OpenedImage.OpenAsync(context, settings, cancellationToken);
        var image = opened.Image;
        if (format == "raw")
        {
            var raw = image.ServedBytes ?? throw new StrataException($"{image.Name}: this source keeps no manifest to print (a docker archive has none)");
            await CommandOutput.WriteAsync(context, settings.Output, stream => stream.Write(raw.Span));
            return ExitCodes.Success;
        }
        var details = ImageConfigDetails.Parse(image.Config.Raw, $"{image.Name}: config");
        var layers = image.Manifest?.Layers.Select(l => (l.Digest.ToString(), (long?)l.Size, l.MediaType)).ToList()
            ?? image.Layers.Select(l => (l.ExpectedDigest?.ToString() ?? l.Location, (long?)l.StoredSize, l.MediaType ?? "")).ToList();
        if (format == "json")
        {
            await CommandOutput.WriteAsync(context, settings.Output, stream => WriteJson(stream, image, details, layers));
            return ExitCodes.Success;
        }
        CommandOutput.Render(context, settings.Output, console => Render(console, image, details, layers));
        return ExitCodes.Success;
    }

    /// <summary>--format, or the older --json and --raw switches that stand for it.</summary>
    private static string Format(InspectSettings settings)
    {
        var format = CommandOutput.Format(settings.Format, "table", "json", "raw");
        if (settings.Json && settings.Raw)
        {
            throw new StrataException("--json and --raw: choose one (or --format json|raw)");
        }
        return settings.Json ? "json" : settings.Raw ? "raw" : format;
    }

    private static void Render(IAnsiConsole console, Images.Sources.ResolvedImage image, ImageConfigDetails details, List<(string Digest, long? Size, string MediaType)> layers)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, string value) => grid.AddRow(new Markup($"[bold]{name}[/]"), TerminalText.Cell(value));
        void Lines(string name, IEnumerable<string> values) =>
            grid.AddRow(new Markup($"[bold]{name}[/]"), new Text(string.Join("\n", values.Select(TerminalText.Safe))));
        Row("Image", image.Name);
        if (image.IndexDigest is { } indexDigest)
        {
            Row("Index digest", indexDigest.ToString());
        }
        Row("Manifest digest", image.ManifestDigest?.ToString() ?? "(none)");
        Row("Config digest", image.ConfigDigest.ToString());
        Row("Platform", image.Platform.ToString());
        if (image.IndexPlatforms.Count > 0)
        {
            Row("Platforms", string.Join(", ", image.IndexPlatforms));
        }
        Row("Created", details.Created ?? "");
        Row("Entrypoint", JsonSerializer.Serialize(details.Entrypoint));
        Row("Cmd", JsonSerializer.Serialize(details.Cmd));
        Row("User", details.User ?? "");
        Row("Working dir", details.WorkingDir ?? "");
        Lines("Env", details.Env);
        Lines("Labels", details.Labels.Select(l => $"{l.Key}={l.Value}"));
        Row("Exposed ports", string.Join(", ", details.ExposedPorts));
        console.Write(grid);
        var layerTable = new Table().Title("Layers").Border(TableBorder.Rounded).AddColumn("#").AddColumn("Digest").AddColumn(new TableColumn("Size").RightAligned()).AddColumn("Media type");
        for (var i = 0; i < layers.Count; i++)
        {
            layerTable.AddRow(i.ToString(System.Globalization.CultureInfo.InvariantCulture), TerminalText.Markup(layers[i].Digest),
                layers[i].Size is { } size ? HumanSize.Format(size) : "", TerminalText.Markup(layers[i].MediaType));
        }
        console.Write(layerTable);
        var history = new Table().Title("History").Border(TableBorder.Rounded).AddColumn("Created").AddColumn("Created by").AddColumn("Empty");
        foreach (var entry in details.History)
        {
            history.AddRow(TerminalText.Markup(entry.Created), TerminalText.Markup(DockerfileText.From(entry.CreatedBy)), entry.EmptyLayer ? "yes" : "");
        }
        console.Write(history);
    }

    private static void WriteJson(Stream output, Images.Sources.ResolvedImage image, ImageConfigDetails details, List<(string Digest, long? Size, string MediaType)> layers)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("name", image.Name);
        json.WriteString("indexDigest", image.IndexDigest?.ToString());
        json.WriteString("manifestDigest", image.ManifestDigest?.ToString());
        json.WriteString("mediaType", image.Manifest?.MediaType);
        json.WriteString("configDigest", image.ConfigDigest.ToString());
        json.WriteString("platform", image.Platform.ToString());
        json.WriteStringArray("platforms", image.IndexPlatforms.Select(p => p.ToString()));
        json.WriteStartObject("config");
        json.WriteStringArray("entrypoint", details.Entrypoint);
        json.WriteStringArray("cmd", details.Cmd);
        json.WriteString("user", details.User);
        json.WriteString("workingDir", details.WorkingDir);
        json.WriteStringArray("env", details.Env);
        json.WriteStartObject("labels");
        foreach (var (key, value) in details.Labels)
        {
            json.WriteString(key, value);
        }
        json.WriteEndObject();
        json.WriteStringArray("exposedPorts", details.ExposedPorts);
        json.WriteEndObject();
        json.WriteStartArray("history");
        foreach (var entry in details.History)
        {
            json.WriteStartObject();
            json.WriteString("created", entry.Created);
            json.WriteString("createdBy", entry.CreatedBy);
            json.WriteBoolean("emptyLayer", entry.EmptyLayer);
            json.WriteString("comment", entry.Comment);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("layers");
        foreach (var (digest, size, mediaType) in layers)
        {
            json.WriteStartObject();
            json.WriteString("digest", digest);
            if (size is { } s)
            {
                json.WriteNumber("size", s);
            }
            json.WriteString("mediaType", mediaType);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
