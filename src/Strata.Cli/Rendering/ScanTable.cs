using System.Globalization;
using Spectre.Console;
using Strata.Vulnerabilities.Scanning;
using Strata.Vulnerabilities.Severity;

namespace Strata.Cli.Rendering;

/// <summary>
/// A scan for people: what was scanned and its base image, a count per severity, then one group per severity
/// (highest first) of aligned rows: ID, package, installed and fixed versions, score, and the layer and Dockerfile
/// line that brought the package. Suppressed findings are only counted. Colours follow NO_COLOR, as Spectre does.
/// </summary>
public static class ScanTable
{
    private const int MaxCommandLength = 60;

    public static void Render(IAnsiConsole console, ScanReport report, bool quiet)
    {
        var active = report.Active;
        if (!quiet)
        {
            var target = report.Target;
            console.MarkupLine($"[bold]{TerminalText.Markup(target.Name)}[/]  {TerminalText.Markup(target.Os?.PrettyName ?? target.Os?.Distro ?? "unknown OS")}  base image: {TerminalText.Markup(BaseText(target))}");
            var counts = ScanOrder.BySeverity(active).Select(g => $"{g.Count()} {SeverityNames.Of(g.Key)}");
            var suppressed = report.Findings.Count - active.Count;
            var line = active.Count == 0 ? "No vulnerabilities found" : $"{Plural.Of(active.Count, "vulnerability", "vulnerabilities")}: {string.Join(", ", counts)}";
            if (suppressed > 0)
            {
                line += $" ({suppressed} suppressed by VEX)";
            }
            console.MarkupLine(Markup.Escape(line));
        }
        foreach (var group in ScanOrder.BySeverity(active))
        {
            console.WriteLine();
            console.MarkupLine($"[{Colour(group.Key)}]{SeverityNames.Of(group.Key).ToUpperInvariant()}[/] ({group.Count()})");
            var table = new PlainColumns("ID", "PACKAGE", "VERSION", "FIXED IN", "SCORE", "LAYER", "ADDED BY");
            foreach (var placed in group)
            {
                var finding = placed.Finding;
                table.AddRow(
                    finding.Id,
                    finding.Package.Name,
                    finding.Package.Version,
                    finding.FixedVersions.Count == 0 ? "(no fix)" : string.Join(", ", finding.FixedVersions),
                    finding.Severity.Score?.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
                    Layer(placed),
                    Shorten(placed.LayerCommand is null ? "" : DockerfileText.From(placed.LayerCommand)));
            }
            table.Write(console);
        }
    }

    private static string BaseText(ScanTarget target)
    {
        var name = target.BaseName ?? target.BaseDigest;
        if (target.BaseLayers is not { } layers)
        {
            return name is null ? "none found" : $"{name} (layers unknown)";
        }
        var count = $"{Plural.Of(layers, "layer")}, from {target.BaseSource}";
        return name is null ? count : $"{name} ({count})";
    }

    private static string Layer(ScanFinding placed) => placed.LayerIndex switch
    {
        null => "",
        { } index when placed.InBaseImage => string.Create(CultureInfo.InvariantCulture, $"{index} (base)"),
        { } index => index.ToString(CultureInfo.InvariantCulture),
    };

    private static string Shorten(string text) => text.Length <= MaxCommandLength ? text : text[..(MaxCommandLength - 1)] + "…";

    private static string Colour(SeverityLevel level) => level switch
    {
        SeverityLevel.Critical => "bold red",
        SeverityLevel.High => "red",
        SeverityLevel.Medium => "yellow",
        SeverityLevel.Low => "blue",
        _ => "grey",
    };
}
