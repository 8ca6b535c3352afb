using Strata.Analysis.Model;

namespace Strata.Analysis.Tests;

/// <summary>The start-up warm-up really runs the whole analysis: its tiny image comes out as worked out by hand.</summary>
public sealed class AnalysisWarmupTests
{
    [Fact]
    public void The_warm_up_image_is_read_verified_merged_and_scored()
    {
        var analysis = AnalysisWarmup.Run();

        // Layer 0: app/, a.txt (300 B), b.txt (300 B), c.txt (20 B), link; layer 1 rewrites a.txt (5 B) and whites out c.txt.
        Assert.Equal([5, 2], analysis.Layers.Select(l => l.Entries.Count));
        Assert.Equal(320, analysis.DeadBytes);
        var dead = analysis.DeadFiles.Select(d => (d.Path, d.Size, d.KilledBy, d.Cause));
        Assert.Equal([("app/a.txt", 300L, 1, DeathCause.Overwritten), ("app/c.txt", 20L, 1, DeathCause.WhitedOut)], dead);
        // dive: a.txt seen twice (300, then 5); c.txt once as a file (20), then as a whiteout of a file, which dive sizes 0.
        var repeated = analysis.Dive.InefficientFiles.Select(f => (f.Path, f.Count, f.CumulativeSize, f.MinimumSize));
        Assert.Equal([("/app/a.txt", 2, 305L, 5L), ("/app/c.txt", 2, 20L, 0L)], repeated);
        Assert.Empty(analysis.Warnings);
    }
}
