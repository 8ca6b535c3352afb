using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;
using Strata.Sbom.Tests.Binaries;

namespace Strata.Sbom.Tests.Hostile;

/// <summary>Executables are cataloged as they are read; what the SBOM keeps of them afterwards is where they were, not their bytes.</summary>
[Collection(nameof(AloneCollection))]
public sealed class ExecutableRetentionTests
{
    private const int ExecutableSize = 48 * 1024 * 1024;
    private const int Executables = 6;

    [Fact]
    public void Large_executables_are_let_go_once_cataloged()
    {
        // A real Go executable padded with zeros: still a valid ELF with its build info, but 48 MiB a copy.
        var binary = BinaryImages.GoWithReplacement();
        var chunk = new byte[1 << 20];
        var captor = new PackageCaptor(CatalogerRegistry.All(), _ => { }, (layer, path) => new PackageLocation("/" + path, layer, "sha256:l", "COPY"));
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var i = 0; i < Executables; i++)
        {
            Feed(captor, $"usr/bin/tool{i}", binary, chunk);
        }

        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        // Every executable was cataloged (its Go main module found) ...
        Assert.Equal(Executables, captor.CatalogedOnArrival.Count(c => c.Package.Name == "binary_with_module_replacement"));
        // ... and the 288 MiB that passed through are not held: far less than even one executable remains.
        Assert.True(retained < ExecutableSize / 2, $"{retained / (1024 * 1024)} MiB still held after cataloging {Executables} executables");
    }

    /// <summary>One executable streamed through the captor as the layer reader does; kept out of the test's frame so nothing local holds it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void Feed(PackageCaptor captor, string path, byte[] binary, byte[] chunk)
    {
        var head = Math.Min(binary.Length, 64 * 1024);
        var sink = captor.Open(0, path, ExecutableSize, 0x1ED, binary.AsSpan(0, head));
        Assert.NotNull(sink);
        sink.Write(binary.AsSpan(head));
        for (var written = binary.Length; written < ExecutableSize; written += chunk.Length)
        {
            sink.Write(chunk.AsSpan(0, Math.Min(chunk.Length, ExecutableSize - written)));
        }
        sink.Complete();
    }
}
