using Strata.Analysis.Slim;
using Strata.TestKit;

namespace Strata.Analysis.Tests.Slim;

/// <summary>
/// A big layer that would lose only entries without file bytes is copied whole (same digest, nothing recompressed),
/// and the layers above keep whatever still hides those entries.
/// </summary>
public sealed class SlimWholeLayerTests
{
    private static byte[] Noise(int count)
    {
        var bytes = new byte[count];
        new Random(12).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Layer 0 is 2 MiB of noise plus a symlink that layer 1 deletes; layer 1 also holds a file layer 2 overwrites.</summary>
    private static SlimHarness Image() => new(
        new LayerBuilder().Directory("data").File("data/noise.bin", Noise(2 << 20)).Symlink("data/current", "noise.bin"),
        new LayerBuilder().Whiteout("data/current").File("app/config", new string('c', 5000)),
        new LayerBuilder().File("app/config", "final"));

    [Fact]
    public void A_big_layer_losing_only_a_symlink_is_copied_and_the_whiteout_above_it_stays()
    {
        using var image = Image();

        var plan = image.Plan();
        var output = image.OutputTars(plan);

        Assert.Equal(0, plan.Layers[0].CopiedFrom);
        Assert.Equal(image.Tars[0], output[0]);
        // Layer 1 loses its dead config but keeps the whiteout: the copied layer 0 still holds data/current.
        Assert.Null(plan.Layers[1].CopiedFrom);
        Assert.Equal(["data/.wh.current"], SlimHarness.Names(output[1]));
        Assert.Equal(TinyOverlay.Merge(image.Tars), TinyOverlay.Merge(output));
    }

    [Fact]
    public void Below_the_size_the_same_layer_is_tidied_and_the_whiteout_goes_with_the_symlink()
    {
        using var image = Image();

        var plan = image.Plan(new SlimOptions { KeepWholeFrom = long.MaxValue });
        var output = image.OutputTars(plan);

        Assert.Null(plan.Layers[0].CopiedFrom);
        Assert.DoesNotContain("data/current", SlimHarness.Names(output[0]));
        Assert.Equal(2, output.Count);
        Assert.Equal(TinyOverlay.Merge(image.Tars), TinyOverlay.Merge(output));
    }
}
