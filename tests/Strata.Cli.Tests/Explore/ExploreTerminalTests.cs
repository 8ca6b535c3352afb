using System.Text.RegularExpressions;
using Strata.TestKit;

namespace Strata.Cli.Tests.Explore;

/// <summary>
/// The real program in a real terminal (tmux, 120×40) on the wasteful image: what the panes show, the per-layer view,
/// the filter, and quitting. Expected values come from the image's Dockerfile
/// (../shared/fixtures/dockerfiles/wasteful/Dockerfile: layer 0 is the base, each instruction that changes files one
/// layer after it) and from dive's efficiency for the image (66.61 %, as the analyze export pins it in SbomCommandTests).
/// </summary>
public sealed partial class ExploreTerminalTests
{
    private const string Image = "oci:../shared/fixtures/images/oci:wasteful";

    [Fact(Timeout = 300_000)]
    public async Task The_explorer_shows_the_layers_the_per_layer_view_and_the_filter_and_quits_with_0()
    {
        using var config = new TempDirectory();
        await using var terminal = await TmuxSession.StartAsync(
            $"dotnet {Path.Combine(AppContext.BaseDirectory, "strata.dll")} explore {Image}",
            Fixtures.RepositoryRoot,
            new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = config.Path, ["STRATA_CACHE_DIR"] = config.File("cache"), ["CI"] = "false" });

        // The first screen, then the tree and the waste list, which are built after it shows.
        await terminal.WaitForAsync("Efficiency:", timeoutSeconds: 120);
        var screen = await terminal.WaitForAsync(s => !s.Contains("reading the", StringComparison.Ordinal), "the tree");

        // The layer commands, in the Dockerfile's order.
        var layers = TmuxSession.Pane(screen, "Layers");
        Assert.Matches(@"^\s*1\s.*RUN apt-get update", layers[2]);
        Assert.Matches(@"^\s*2\s.*RUN apt-get install", layers[3]);
        Assert.Matches(@"^\s*4\s.*RUN chmod -R 755", layers[5]);
        Assert.Matches(@"^\s*6\s.*RUN sha256sum", layers[7]);
        Assert.Contains(TmuxSession.Pane(screen, "Image details"), l => l.TrimEnd() == "Efficiency:   66.61 %");

        // A click on layer 1's row (the screen's 4th line, under the frame and the header) selects it.
        await terminal.SendAsync("\e[<0;10;4M\e[<0;10;4m", literal: true);
        await terminal.WaitForAsync("File tree: layer 1's changes");

        // Layer 6 (RUN sha256sum /tmp/big.bin … && rm /tmp/big.bin): its own changes show big.bin removed.
        for (var i = 0; i < 5; i++)
        {
            await terminal.SendAsync("j");
        }
        screen = await terminal.WaitForAsync("File tree: layer 6's changes");
        var tree = TmuxSession.Pane(screen, "File tree");
        Assert.Contains(tree, l => RemovedMark().IsMatch(l) && l.Contains("removed", StringComparison.Ordinal) && l.TrimEnd().EndsWith("big.bin", StringComparison.Ordinal));
        Assert.Contains(tree, l => l.StartsWith('+') && l.TrimEnd().EndsWith("big.sha256", StringComparison.Ordinal));

        // The filter, in the aggregated view of the last layer: one file matches.
        for (var i = 0; i < 20; i++)
        {
            await terminal.SendAsync("j");
        }
        await terminal.SendAsync("C-a");
        await terminal.WaitForAsync("aggregated");
        await terminal.SendAsync("C-f");
        await terminal.WaitForAsync("Filter");
        await terminal.SendAsync(@"big\.sha256$", literal: true);
        screen = await terminal.WaitForAsync(s => s.Contains(@"filter /big\.sha256$/", StringComparison.Ordinal), "the filtered tree");
        var files = TmuxSession.Pane(screen, "File tree").Skip(1)
            .Select(l => l.TrimEnd())
            .Where(l => l.Length > 0 && !l.EndsWith('/'))
            .ToList();
        Assert.Single(files);
        Assert.EndsWith("big.sha256", files[0], StringComparison.Ordinal);

        // At 80×24 the screen is redrawn to fit: every pane's frame closes within 80 columns, the status bar is on
        // the last line, and the image details are still there.
        await terminal.ResizeAsync(80, 24);
        screen = await terminal.WaitForAsync(
            s => s.Split('\n') is var lines && lines.Length >= 24 && lines[0].TrimEnd().Length == 80 && lines[0].TrimEnd().EndsWith('╮')
                && lines[23].StartsWith("Tab pane", StringComparison.Ordinal),
            "the screen redrawn at 80×24");
        Assert.Contains("Efficiency:   66.61 %", screen, StringComparison.Ordinal);
        Assert.All(screen.Split('\n'), l => Assert.True(l.TrimEnd().Length <= 80, l));

        // Esc closes the filter, q quits, and the process ends with 0.
        await terminal.SendAsync("Escape");
        await terminal.WaitForAsync(s => !s.Contains("filter /", StringComparison.Ordinal), "the filter to close");
        await terminal.SendAsync("q");
        screen = await terminal.WaitForAsync(s => TmuxSession.ExitLine().IsMatch(s), "the program to exit");
        Assert.Equal("0", TmuxSession.ExitLine().Match(screen).Groups[1].Value);
    }

    [GeneratedRegex(@"^- ")]
    private static partial Regex RemovedMark();
}
