using System.Collections.Concurrent;
using Strata.Analysis.Reading;
using Strata.Images;
using Strata.Images.Model;
using Strata.Images.Sources;

namespace Strata.Analysis.Tests.Reading;

/// <summary>The order and concurrency of layer reads, on layers that are only sizes (nothing is opened).</summary>
public sealed class LayerSchedulerTests
{
    private static LayerBlob Layer(int index, long storedSize) => new(
        index, $"layer{index}", null, null, null, Digest.Compute(Digest.Sha256, [(byte)index]), null, false, storedSize,
        () => throw new InvalidOperationException("a scheduling test opens no layer"));

    [Fact]
    public void One_reader_takes_the_largest_layers_first_and_equal_sizes_in_the_image_order()
    {
        var layers = new[] { Layer(0, 10), Layer(1, 500), Layer(2, 10), Layer(3, 7000), Layer(4, 500) };
        var order = new List<int>();

        LayerScheduler.ForEachLargestFirst(layers, 1, (layer, _) => order.Add(layer.Index), TestContext.Current.CancellationToken);

        Assert.Equal([3, 1, 4, 0, 2], order);
    }

    [Fact]
    public void More_layers_than_cores_are_read_at_once_when_asked_for()
    {
        // Each read waits until all three have started: with fewer than three at once this would time out.
        using var allStarted = new CountdownEvent(3);
        var sawAllThree = new ConcurrentBag<bool>();

        LayerScheduler.ForEachLargestFirst([Layer(0, 1), Layer(1, 2), Layer(2, 3)], 3, (_, _) =>
        {
            allStarted.Signal();
            sawAllThree.Add(allStarted.Wait(TimeSpan.FromSeconds(20)));
        }, TestContext.Current.CancellationToken);

        Assert.Equal([true, true, true], sawAllThree);
    }

    [Fact]
    public void A_failure_starts_no_further_layer_and_the_error_naming_a_layer_wins()
    {
        var layers = Enumerable.Range(0, 6).Select(i => Layer(i, 100 - i)).ToArray();
        var started = new ConcurrentBag<int>();
        using var bothStarted = new CountdownEvent(2);

        var error = Assert.Throws<StrataException>(() => LayerScheduler.ForEachLargestFirst(layers, 2, (layer, _) =>
        {
            started.Add(layer.Index);
            bothStarted.Signal();
            bothStarted.Wait(TimeSpan.FromSeconds(20));
            throw layer.Index == 1 ? new StrataException("layer 1 is corrupt") : new IOException("layer 0 could not be read");
        }, TestContext.Current.CancellationToken));

        Assert.Equal("layer 1 is corrupt", error.Message);
        Assert.Equal([0, 1], started.Order());
    }

    [Fact]
    public void A_cancelled_read_starts_no_further_layer()
    {
        using var cancel = new CancellationTokenSource();
        var started = new List<int>();

        Assert.Throws<OperationCanceledException>(() => LayerScheduler.ForEachLargestFirst(
            [Layer(0, 3), Layer(1, 2), Layer(2, 1)], 1, (layer, _) =>
            {
                started.Add(layer.Index);
                cancel.Cancel();
            },
            cancel.Token));

        Assert.Equal([0], started);
    }

    [Fact]
    public void A_failure_cancels_the_layers_still_being_read_and_is_the_error_reported()
    {
        var cancelledInTime = false;
        using var bothStarted = new CountdownEvent(2);

        var error = Assert.Throws<StrataException>(() => LayerScheduler.ForEachLargestFirst([Layer(0, 1000), Layer(1, 10)], 2, (layer, token) =>
        {
            bothStarted.Signal();
            bothStarted.Wait(TimeSpan.FromSeconds(20));
            if (layer.Index == 1)
            {
                throw new StrataException("layer 1 is corrupt");
            }
            // The large layer would read on for a long time: it stops because the other one failed.
            cancelledInTime = token.WaitHandle.WaitOne(TimeSpan.FromSeconds(20));
            token.ThrowIfCancellationRequested();
        }, TestContext.Current.CancellationToken));

        Assert.Equal("layer 1 is corrupt", error.Message);
        Assert.True(cancelledInTime);
    }

    [Theory]
    // A layer gets a thread to inflate on when it holds more than a core's share of the image's bytes, and 1 MiB or more.
    [InlineData(new long[] { 301_000_000, 177_000_000, 91_000_000, 55_000_000, 41_000_000 }, 2, new bool[] { false, false, false, false, false })]
    [InlineData(new long[] { 321_000_000, 130_000_000, 79_000_000 }, 2, new bool[] { true, false, false })]
    [InlineData(new long[] { 321_000_000, 130_000_000, 79_000_000 }, 1, new bool[] { false, false, false })] // no second core to use
    [InlineData(new long[] { 2_000_000 }, 2, new bool[] { true })]
    [InlineData(new long[] { 600_000 }, 2, new bool[] { false })]
    public void A_layer_reads_ahead_when_it_alone_would_outlast_the_others(long[] sizes, int cores, bool[] readsAhead)
    {
        var layers = sizes.Select((size, i) => Layer(i, size)).ToArray();

        var from = LayerScheduler.ReadAheadFrom(layers, cores);

        Assert.Equal(readsAhead, layers.Select(l => l.StoredSize >= from));
    }
}
