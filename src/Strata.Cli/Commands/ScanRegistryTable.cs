using System.Globalization;
using Spectre.Console;
using Strata.Cli.Rendering;
using Strata.Policy.Fleet;

namespace Strata.Cli.Commands;

/// <summary>scan-registry's summary table: a row per reference, then the failures, the totals and the layer cache's counters.</summary>
internal static class ScanRegistryTable
{
    public static void Render(IAnsiConsole console, RegistryScanResult result, long hits, long misses, string summaryPath, bool quiet)
    {
        var table = new Table().Border(quiet ? TableBorder.None : TableBorder.Rounded);
        foreach (var column in new[] { "Image", "Digest", "Grade", "Critical", "High", "Medium", "Low", "Policies failed", "Secrets", "Status" })
        {
            table.AddColumn(column);
        }
        foreach (var image in result.Images)
        {
            var f = image.Findings;
            table.AddRow(
                Markup.Escape(TerminalText.Message(image.Reference)),
                Markup.Escape(Short(image.ManifestDigest)),
                Markup.Escape(image.Grade),
                Number(f.Critical), Number(f.High), Number(f.Medium), Number(f.Low), Number(f.PolicyFailures), Number(f.Secrets),
                image.Status == FleetImageStatus.Scanned ? "scanned" : "reported before");
        }
        console.Write(table);
        foreach (var failure in result.Failures)
        {
            console.MarkupLine($"[red]failed:[/] {Markup.Escape(TerminalText.Message(failure.Reference))}: {Markup.Escape(TerminalText.Message(failure.Error))}");
        }
        var scanned = result.Images.Count(i => i.Status == FleetImageStatus.Scanned);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Repositories.Count} repositories, {result.Images.Count} images ({scanned} scanned, {result.Images.Count - scanned} reported before), {result.Failures.Count} failed; layer cache: {hits} hits, {misses} misses"));
        console.WriteLine($"summary: {summaryPath}");
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Short(string digest) => digest.Length > 19 ? digest[..19] : digest;
}
