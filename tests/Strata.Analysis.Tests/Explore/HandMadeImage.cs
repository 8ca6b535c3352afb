using Strata.Analysis.Model;
using Strata.TestKit;

namespace Strata.Analysis.Tests.Explore;

/// <summary>
/// Three hand-made layers whose trees the explorer tests work out by hand:
/// layer 0 stores etc/app.conf (100 B), etc/keep (7 B), tmp/big.bin (500 B), data/one (11 B), data/two (22 B);
/// layer 1 rewrites etc/app.conf (30 B), removes tmp/big.bin and the whole of data, adds opt/new (5 B, no opt entry);
/// layer 2 stores etc/keep again byte for byte, rewrites opt/new (6 B) and adds srv/copy, a copy of etc/app.conf.
/// </summary>
internal static class HandMadeImage
{
    private static string Bytes(int count, char fill) => new(fill, count);

    public static ImageAnalysis Analyze() => TestImages.Analyze(
        new LayerBuilder()
            .Directory("etc").File("etc/app.conf", Bytes(100, 'a')).File("etc/keep", Bytes(7, 'k'))
            .Directory("tmp").File("tmp/big.bin", Bytes(500, 'b'))
            .Directory("data").File("data/one", Bytes(11, 'o')).File("data/two", Bytes(22, 't')),
        new LayerBuilder()
            .Directory("etc").File("etc/app.conf", Bytes(30, 'y'))
            .Whiteout("tmp/big.bin")
            .File("opt/new", Bytes(5, 'n'))
            .Whiteout("data"),
        new LayerBuilder()
            .File("etc/keep", Bytes(7, 'k'))
            .File("opt/new", Bytes(6, 'w'))
            .File("srv/copy", Bytes(30, 'y')));
}
