using Spectre.Console;
using Strata.Policy.Comparison;
using Strata.Vulnerabilities.Scanning;

namespace Strata.Cli.Rendering;

/// <summary>
/// A comparison for people: the sizes, the shared layers and where the images diverge, then the files (largest
/// first), packages, vulnerabilities and policy verdicts that changed, each list cut at <see cref="MaxRows"/> rows
/// (<c>--format json</c> lists all), and the kinds that got worse.
/// </summary>
public static class CompareTable
{
    public const int MaxRows = 20;

    public static void Render(IAnsiConsole console, ImageComparison comparison, bool quiet)
    {
        if (!quiet)
        {
            console.MarkupLine($"[bold]{TerminalText.Markup(comparison.Before.Name)}[/] → [bold]{TerminalText.Markup(comparison.After.Name)}[/]");
            console.WriteLine();
        }
        var sizes = new PlainColumns("SIZE", "IMAGE", "IMAGE2", "CHANGE");
        foreach (var (name, size) in new[] { ("compressed", comparison.Sizes.Compressed), ("uncompressed", comparison.Sizes.Uncompressed), ("dead", comparison.Sizes.Dead) })
        {
            sizes.AddRow(name, HumanSize.Format(size.Before), HumanSize.Format(size.After), Signed(size.Change));
        }
        sizes.Write(console);
        Layers(console, comparison.Layers);
        Files(console, comparison.Files);
        Packages(console, comparison.Packages);
        Vulnerabilities(console, comparison.Vulnerabilities);
        Policies(console, comparison.Policies);
        console.WriteLine();
        var worse = comparison.Worse;
        console.WriteLine(worse.Count == 0 ? "Worse: nothing" : "Worse: " + string.Join(", ", worse));
    }

    private static void Layers(IAnsiConsole console, LayerComparison layers)
    {
        console.WriteLine();
        var line = $"Layers: {layers.Shared} shared ({HumanSize.Format(layers.SharedCompressedSize)}) of {layers.BeforeCount} and {layers.AfterCount}";
        if (layers.FirstDifferent is not { } divergence)
        {
            console.WriteLine(line + "; the layers are the same");
            return;
        }
        console.WriteLine(line + $"; they diverge at layer {divergence.Index}:");
        var table = new PlainColumns("", "DIGEST", "SIZE", "CREATED BY");
        table.AddRow(Side("IMAGE", divergence.Before));
        table.AddRow(Side("IMAGE2", divergence.After));
        table.Write(console);
    }

    private static string[] Side(string which, DivergingLayer? layer) => layer is null
        ? [which, "(no more layers)", "", ""]
        : [which, Short(layer.Digest), HumanSize.Format(layer.CompressedSize), DockerfileText.From(layer.CreatedBy)];

    private static void Files(IAnsiConsole console, FileComparison files)
    {
        console.WriteLine();
        console.WriteLine($"Files: {files.Added.Count} added, {files.Removed.Count} removed, {files.Changed.Count} changed");
        var rows = files.Added.Select(f => (Order: f.Size, Cells: new[] { "added", FileTypeNames.Of(f.Kind), "", HumanSize.Format(f.Size), "/" + f.Path, "" }))
            .Concat(files.Removed.Select(f => (Order: f.Size, Cells: new[] { "removed", FileTypeNames.Of(f.Kind), HumanSize.Format(f.Size), "", "/" + f.Path, "" })))
            .Concat(files.Changed.Select(f => (Order: Math.Max(f.SizeBefore, f.SizeAfter), Cells: new[]
            {
                "changed", FileTypeNames.Of(f.KindAfter), HumanSize.Format(f.SizeBefore), HumanSize.Format(f.SizeAfter), "/" + f.Path, string.Join(", ", f.Differences),
            })))
            .OrderByDescending(r => r.Order).ThenBy(r => r.Cells[4], StringComparer.Ordinal)
            .Select(r => r.Cells)
            .ToList();
        Rows(console, new PlainColumns("CHANGE", "TYPE", "IMAGE", "IMAGE2", "PATH", "WHAT DIFFERS"), rows);
    }

    private static void Packages(IAnsiConsole console, PackageComparison packages)
    {
        console.WriteLine();
        console.WriteLine($"Packages: {packages.Added.Count} added, {packages.Removed.Count} removed, {packages.Upgraded.Count} upgraded, {packages.Downgraded.Count} downgraded");
        var rows = packages.Downgraded.Select(p => new[] { "downgraded", p.Ecosystem, p.Name, p.From, p.To })
            .Concat(packages.Added.Select(p => new[] { "added", p.Ecosystem, p.Name, "", p.Version }))
            .Concat(packages.Upgraded.Select(p => new[] { "upgraded", p.Ecosystem, p.Name, p.From, p.To }))
            .Concat(packages.Removed.Select(p => new[] { "removed", p.Ecosystem, p.Name, p.Version, "" }))
            .ToList();
        Rows(console, new PlainColumns("CHANGE", "ECOSYSTEM", "PACKAGE", "IMAGE", "IMAGE2"), rows);
    }

    private static void Vulnerabilities(IAnsiConsole console, VulnerabilityComparison? vulnerabilities)
    {
        console.WriteLine();
        if (vulnerabilities is null)
        {
            console.WriteLine("Vulnerabilities: not compared (no database: give --db, or run 'strata db update')");
            return;
        }
        console.WriteLine($"Vulnerabilities: {vulnerabilities.Fixed.Count} fixed, {vulnerabilities.Introduced.Count} introduced");
        var rows = vulnerabilities.Introduced.Select(v => new[] { "introduced", SeverityNames.Of(v.Severity), v.Id, v.Package, v.Version })
            .Concat(vulnerabilities.Fixed.Select(v => new[] { "fixed", SeverityNames.Of(v.Severity), v.Id, v.Package, v.Version }))
            .ToList();
        Rows(console, new PlainColumns("CHANGE", "SEVERITY", "ID", "PACKAGE", "VERSION"), rows);
    }

    private static void Policies(IAnsiConsole console, PolicyComparison policies)
    {
        console.WriteLine();
        console.WriteLine($"Policies: grade {policies.GradeBefore} → {policies.GradeAfter}; {Plural.Of(policies.Changed.Count, "verdict")} changed");
        var rows = policies.Changed
            .Select(c => new[] { c.Name, ComparisonJsonWriter.StatusName(c.Before) ?? "-", ComparisonJsonWriter.StatusName(c.After) ?? "-", c.Reason })
            .ToList();
        Rows(console, new PlainColumns("POLICY", "IMAGE", "IMAGE2", "REASON"), rows);
    }

    /// <summary>The first <see cref="MaxRows"/> rows, and how many more there are.</summary>
    private static void Rows(IAnsiConsole console, PlainColumns table, List<string[]> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }
        foreach (var row in rows.Take(MaxRows))
        {
            table.AddRow(row);
        }
        table.Write(console);
        if (rows.Count > MaxRows)
        {
            console.WriteLine($"… and {rows.Count - MaxRows} more (--format json lists all)");
        }
    }

    private static string Signed(long change) => change > 0 ? "+" + HumanSize.Format(change) : HumanSize.Format(change);

    private static string Short(string digest) => digest.Length > 19 ? digest[..19] : digest;
}
