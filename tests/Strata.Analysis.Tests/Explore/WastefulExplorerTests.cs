using Strata.Analysis.Explore;
using Strata.Analysis.Model;
using Strata.TestKit;

namespace Strata.Analysis.Tests.Explore;

/// <summary>
/// The explorer on the shared <c>wasteful</c> image, with expectations from its Dockerfile
/// (../shared/fixtures/dockerfiles/wasteful): <c>COPY big.bin /tmp/big.bin</c>, then
/// <c>RUN sha256sum /tmp/big.bin > /app/big.sha256 &amp;&amp; rm /tmp/big.bin</c>, then
/// <c>RUN rm -rf /var/lib/apt/lists/*</c> after an <c>apt-get update</c>, and <c>COPY id_rsa /root/.ssh/id_rsa</c> last.
/// </summary>
public sealed class WastefulExplorerTests
{
    private static readonly ImageAnalysis Image = TestImages.Analyze("oci:" + Fixtures.OciLayout + ":wasteful");

    private static int LayerRunning(string command) =>
        Image.Layers.Single(l => l.CreatedBy is { } c && c.Contains(command, StringComparison.Ordinal)).Index;

    private static int CopyOfBig => LayerRunning("in /tmp/big.bin");

    private static int RemovalOfBig => LayerRunning("&& rm /tmp/big.bin");

    [Fact]
    public async Task Trees_prepared_on_another_thread_while_the_layers_are_browsed_are_the_trees_built_on_demand()
    {
        // The explorer prepares every layer's tree in the background while the user moves through the layers: what
        // either thread publishes must be the tree the other would have built (checked by hand in the tests here).
        var onDemand = Enumerable.Range(0, Image.Layers.Count).Select(l => new ExplorerModel(Image).At(l, TreeScope.Layer).Marked()).ToList();
        var model = new ExplorerModel(Image);

        var preparing = Task.Run(() => model.PrepareLayerTrees(CancellationToken.None), TestContext.Current.CancellationToken);
        var browsed = Enumerable.Range(0, Image.Layers.Count).Select(l => model.At(l, TreeScope.Layer).Marked()).ToList();
        await preparing;

        Assert.Equal(onDemand, browsed);
        Assert.Equal(onDemand, Enumerable.Range(0, Image.Layers.Count).Select(l => model.At(l, TreeScope.Layer).Marked()));
        Assert.Equal(["app M", "app/big.sha256 A", "tmp M", "tmp/big.bin R"], model.At(RemovalOfBig, TreeScope.Layer).Marked());
    }

    [Fact]
    public void Preparing_the_trees_stops_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => new ExplorerModel(Image).PrepareLayerTrees(cancelled.Token));
    }

    [Fact]
    public void The_layer_that_removes_big_bin_shows_it_removed_beside_the_checksum_it_wrote()
    {
        var model = new ExplorerModel(Image).At(RemovalOfBig, TreeScope.Layer);

        Assert.Equal(["app M", "app/big.sha256 A", "tmp M", "tmp/big.bin R"], model.Marked());
        var big = model.Row("tmp/big.bin");
        Assert.Equal(EntryKind.File, big.Kind);
        Assert.True(big.Size > 0);
    }

    [Fact]
    public void The_layer_that_copied_big_bin_shows_it_dead_and_killed_by_the_next_layer()
    {
        var model = new ExplorerModel(Image).At(CopyOfBig, TreeScope.Layer);

        Assert.Equal(["tmp", "tmp/big.bin"], model.Paths());
        var big = model.Row("tmp/big.bin");
        Assert.Equal(ChangeKind.Added, big.Change);
        Assert.Equal(RemovalOfBig, big.KilledBy);
        Assert.Equal(big.Size, big.DeadBytes);
        Assert.Equal(big.Size, model.Row("tmp").DeadBytes);
    }

    [Fact]
    public void Big_bin_is_removed_in_the_aggregated_view_of_its_removal_and_absent_after()
    {
        var model = new ExplorerModel(Image).At(RemovalOfBig, TreeScope.Aggregated);
        Assert.Equal(ChangeKind.Removed, model.Mark("tmp/big.bin"));
        Assert.Equal(ChangeKind.Added, model.Mark("app/big.sha256"));
        Assert.Equal(ChangeKind.Unchanged, model.Mark("app/app.py"));

        model.At(RemovalOfBig + 1, TreeScope.Aggregated);
        Assert.Null(model.Reveal("tmp/big.bin"));
        Assert.Equal(ChangeKind.Unchanged, model.Mark("app/big.sha256"));
    }

    [Fact]
    public void Removing_the_apt_lists_removes_everything_under_them_and_kills_what_apt_get_update_stored()
    {
        var removal = LayerRunning("rm -rf /var/lib/apt/lists/*");
        var model = new ExplorerModel(Image).At(removal, TreeScope.Layer);
        Assert.True(model.TrySetFilter("^var/lib/apt/lists/", out _));
        var removed = model.Rows(0, model.RowCount).Where(r => r.Depth == 4).ToList();
        Assert.NotEmpty(removed);
        Assert.All(removed, r => Assert.Equal(ChangeKind.Removed, r.Change));

        model.At(LayerRunning("apt-get update"), TreeScope.Layer);
        var stored = model.Rows(0, model.RowCount).Where(r => r.Kind == EntryKind.File && r.Depth == 4).ToList();
        Assert.NotEmpty(stored);
        Assert.All(stored, r => Assert.Equal(removal, r.KilledBy));
    }

    [Fact]
    public void A_filter_narrows_the_final_tree_to_the_private_key()
    {
        var model = new ExplorerModel(Image).At(Image.Layers.Count - 1, TreeScope.Aggregated);
        Assert.True(model.TrySetFilter("id_rsa$", out _));

        Assert.Equal(["root", "root/.ssh", "root/.ssh/id_rsa"], model.Paths());
        Assert.Equal(ChangeKind.Added, model.Mark("root/.ssh/id_rsa"));
    }

    [Fact]
    public void The_waste_pane_jumps_to_big_bin_in_the_layer_that_stored_it()
    {
        var model = new ExplorerModel(Image);
        var item = model.Waste.Single(w => w.Path == "tmp/big.bin");
        Assert.Equal(CopyOfBig, item.Layer);
        Assert.Contains($"removed in layer {RemovalOfBig}", item.Description);

        model.At(item.Layer, TreeScope.Layer);
        model.ToggleCollapseAll();
        var row = model.Reveal(item.Path);
        Assert.Equal(1, row);
        Assert.Equal(item.Bytes, model.Rows(row!.Value, 1)[0].Size);
    }
}
