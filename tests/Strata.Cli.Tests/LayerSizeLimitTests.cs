using System.IO.Compression;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>Runs alone, so that what the process allocates while a test runs is that test's own.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class MeasuredAlone;

/// <summary>A gzip bomb: a small blob that inflates far past what one layer may, and the flag that raises the cap.</summary>
[Collection(typeof(MeasuredAlone))]
public sealed class LayerSizeLimitTests
{
    private const int BombSize = 64 << 20;

    /// <summary>64 MiB of zeros in one file, gzip-compressed as hard as gzip goes: about 64 KB.</summary>
    private static string Bomb(TempDirectory temp)
    {
        var tar = new LayerBuilder().Directory("bomb").File("bomb/zeros", new byte[BombSize]).ToTar();
        var layout = new OciImageBuilder().Layer(tar, "RUN make-bomb").WriteOciLayout(temp.Path);
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(tar);
        }
        Assert.InRange(packed.Length, 1, 128 * 1024);
        BadImages.ReplaceLayer(layout, 0, packed.ToArray());
        return layout;
    }

    private static async Task<(CliResult Result, long Allocated)> Measure(string[] args)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await CliRunner.RunAsync(args);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        TestContext.Current.TestOutputHelper?.WriteLine($"allocated {allocated} bytes");
        return (result, allocated);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_gzip_bomb_over_the_cap_is_refused_naming_the_layer_and_the_flag()
    {
        using var temp = new TempDirectory();
        var layout = Bomb(temp);

        var (result, allocated) = await Measure(["analyze", layout, "--max-layer-size", "16MiB"]);

        BadInputAssert.Rejected(result, "layer 0", "--max-layer-size", (16 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(allocated < 16 << 20, $"refusing the bomb allocated {allocated} bytes");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_gzip_bomb_under_a_raised_cap_is_read_in_bounded_memory()
    {
        using var temp = new TempDirectory();
        var layout = Bomb(temp);

        var (result, allocated) = await Measure(["analyze", layout, "--max-layer-size", "128MiB", "--json", "-"]);

        BadInputAssert.Accepted(result);
        Assert.Contains("\"size\": " + BombSize, result.StandardOutput, StringComparison.Ordinal);
        Assert.True(allocated < 16 << 20, $"reading a layer that inflates to 64 MiB allocated {allocated} bytes");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task The_default_cap_lets_a_64_MiB_layer_through()
    {
        using var temp = new TempDirectory();
        var layout = Bomb(temp);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Accepted(result);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_zstd_bomb_over_the_cap_is_refused_too()
    {
        using var temp = new TempDirectory();
        var layout = new OciImageBuilder()
            .Layer(new LayerBuilder().File("zeros", new byte[BombSize]), "RUN make-bomb", LayerCompression.Zstd)
            .WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", layout, "--max-layer-size", "1MiB"]);

        BadInputAssert.Rejected(result, "layer 0", "--max-layer-size");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task An_invalid_max_layer_size_names_the_flag()
    {
        using var temp = new TempDirectory();
        var layout = new OciImageBuilder().Layer(new LayerBuilder().File("a", "a")).WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", layout, "--max-layer-size", "lots"]);

        BadInputAssert.Rejected(result, "--max-layer-size", "'lots'");
    }
}
