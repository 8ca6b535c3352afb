using Spectre.Console;
using Strata.Analysis.Model;
using Strata.Images.Layers;

namespace Strata.Cli.Rendering;

/// <summary>The readable report of <c>strata analyze</c>.</summary>
public static class AnalysisReport
{
    private const int CommandWidth = 60;

    /// <summary>How dive's wasted bytes, Strata's dead bytes and duplicates differ, in one line under the summary.</summary>
    public const string NumbersKey =
        "Wasted (dive): every copy of a path seen in 2+ layers; dead: bytes stored but hidden in the final file system; duplicates: identical files at 2+ live paths.";

    public const string ChangesKey = "+/~/-: files the layer adds / modifies / removes";

    /// <summary>The report; <paramref name="quiet"/> leaves out the explanations and the titles.</summary>
    public static void Render(IAnsiConsole console, ImageAnalysis analysis, int top, bool quiet = false)
    {
        console.Write(Summary(analysis));
        if (!quiet)
        {
            console.MarkupLine($"[grey]{Markup.Escape(NumbersKey)}[/]");
        }
        console.WriteLine();
        console.Write(Layers(analysis, quiet));
        if (top > 0 && analysis.Dive.InefficientFiles.Count > 0)
        {
            console.WriteLine();
            console.Write(WastedFiles(analysis, top));
        }
        if (top > 0 && analysis.DeadFiles.Count > 0)
        {
            console.WriteLine();
            console.Write(DeadFiles(analysis, top));
        }
        if (top > 0 && analysis.Duplicates.Count > 0)
        {
            console.WriteLine();
            console.Write(Duplicates(analysis, top));
        }
    }

    private static Grid Summary(ImageAnalysis analysis)
    {
        var dive = analysis.Dive;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, string value) => grid.AddRow(new Markup($"[bold]{name}[/]"), TerminalText.Cell(value));
        Row("Image", analysis.Name);
        Row("Manifest digest", analysis.ManifestDigest?.ToString() ?? "(none: the source has no manifest)");
        Row("Config digest", analysis.ConfigDigest.ToString());
        Row("Platform", analysis.Platform.ToString());
        Row("Layers", analysis.Layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row("Compressed size", CompressedSize(analysis));
        Row("Uncompressed size", $"{HumanSize.Format(analysis.UncompressedSize)} (files: {HumanSize.Format(dive.SizeBytes)}, user layers: {HumanSize.Format(dive.UserSizeBytes)})");
        Row("Efficiency (dive)", HumanSize.Percent(dive.Efficiency));
        Row("Wasted (dive)", $"{HumanSize.Format(dive.WastedBytes)} ({HumanSize.Percent(dive.UserWastedPercent)} of user layers)");
        Row("Dead bytes", $"{HumanSize.Format(analysis.DeadBytes)} ({HumanSize.Percent(analysis.DeadPercent)} of stored file bytes)");
        Row("Duplicates", $"{HumanSize.Format(analysis.DuplicateBytes)} in {Plural.Of(analysis.Duplicates.Count, "group")} of identical files");
        return grid;
    }

    /// <summary>An archive may store its layers uncompressed; then there is no compressed size to show.</summary>
    private static string CompressedSize(ImageAnalysis analysis)
    {
        var uncompressed = analysis.Layers.Count(l => l.Compression == Compression.None);
        if (uncompressed == 0 || analysis.Layers.Count == 0)
        {
            return HumanSize.Format(analysis.CompressedSize);
        }
        if (uncompressed == analysis.Layers.Count)
        {
            return $"none: the layers are stored uncompressed ({HumanSize.Format(analysis.CompressedSize)} stored)";
        }
        return $"{HumanSize.Format(analysis.CompressedSize)} stored ({Plural.Of(uncompressed, "layer")} of {analysis.Layers.Count} stored uncompressed)";
    }

    private static Table Layers(ImageAnalysis analysis, bool quiet)
    {
        var table = new Table().Title("Layers").Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("#").RightAligned())
            .AddColumn(new TableColumn("Size").RightAligned())
            .AddColumn(new TableColumn("Compressed").RightAligned())
            .AddColumn(new TableColumn("Dead").RightAligned())
            .AddColumn(new TableColumn("+/~/-").RightAligned());
        var fromRegistry = analysis.Layers.Any(l => l.Origin != Images.Sources.LayerOrigin.Local);
        if (fromRegistry)
        {
            table.AddColumn("From");
        }
        table.AddColumn("Command");
        if (!quiet)
        {
            table.Caption(ChangesKey);
        }
        foreach (var layer in analysis.Layers)
        {
            var changes = $"{layer.Count(ChangeKind.Added)}/{layer.Count(ChangeKind.Modified)}/{layer.Count(ChangeKind.Removed)}";
            var cells = new List<Text>
            {
                new(layer.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new(HumanSize.Format(layer.SizeBytes)),
                new(layer.Compression == Compression.None ? "none" : HumanSize.Format(layer.CompressedSize)),
                new(layer.DeadBytes == 0 ? "-" : HumanSize.Format(layer.DeadBytes)),
                new(changes),
            };
            if (fromRegistry)
            {
                cells.Add(new Text(layer.Origin == Images.Sources.LayerOrigin.Cache ? "cache" : "network"));
            }
            cells.Add(TerminalText.Cell(Shorten(DockerfileText.From(layer.CreatedBy), CommandWidth)));
            table.AddRow(cells);
        }
        return table;
    }

    private static Table WastedFiles(ImageAnalysis analysis, int top)
    {
        var table = new Table().Title("Largest waste (dive's count)").Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Count").RightAligned())
            .AddColumn(new TableColumn("Total space").RightAligned())
            .AddColumn("Path");
        foreach (var file in analysis.Dive.InefficientFiles.Take(top))
        {
            table.AddRow(file.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), HumanSize.Format(file.CumulativeSize), TerminalText.Markup(file.Path));
        }
        return table;
    }

    private static Table DeadFiles(ImageAnalysis analysis, int top)
    {
        var table = new Table().Title("Largest dead files (stored, never visible)").Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Size").RightAligned())
            .AddColumn(new TableColumn("Stored in").RightAligned())
            .AddColumn(new TableColumn("Killed by").RightAligned())
            .AddColumn("How")
            .AddColumn("Path");
        foreach (var dead in analysis.DeadFiles.Take(top))
        {
            table.AddRow(
                HumanSize.Format(dead.Size),
                $"layer {dead.StoredIn}",
                $"layer {dead.KilledBy}",
                Describe(dead.Cause),
                TerminalText.Markup("/" + dead.Path));
        }
        return table;
    }

    private static Table Duplicates(ImageAnalysis analysis, int top)
    {
        var table = new Table().Title("Duplicate content").Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Wasted").RightAligned())
            .AddColumn(new TableColumn("Copies").RightAligned())
            .AddColumn("Paths");
        foreach (var group in analysis.Duplicates.Take(top))
        {
            table.AddRow(
                HumanSize.Format(group.WastedBytes),
                group.Paths.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join("\n", group.Paths.Take(5).Select(TerminalText.Markup)) + (group.Paths.Count > 5 ? $"\n… {group.Paths.Count - 5} more" : ""));
        }
        return table;
    }

    private static string Describe(DeathCause cause) => cause switch
    {
        DeathCause.Overwritten => "overwritten",
        DeathCause.WhitedOut => "deleted",
        DeathCause.HiddenByOpaque => "folder replaced (opaque)",
        DeathCause.AncestorReplaced => "parent replaced",
        _ => "",
    };

    private static string Shorten(string text, int width)
    {
        var flat = text;
        return flat.Length <= width ? flat : flat[..(width - 1)] + "…";
    }
}
