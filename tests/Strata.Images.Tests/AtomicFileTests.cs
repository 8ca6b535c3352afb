using System.Diagnostics;
using Strata.Images.IO;
using Strata.Images.Output;
using Strata.TestKit;

namespace Strata.Images.Tests;

public sealed class AtomicFileTests
{
    [Fact]
    public void A_regular_file_is_replaced_whole_with_no_temporary_file_left()
    {
        using var work = new TempDirectory();
        var path = work.File("out.json");
        File.WriteAllText(path, "old");

        AtomicFile.Write(path, s => s.Write("new"u8));

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["out.json"], Directory.GetFiles(work.Path).Select(Path.GetFileName));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_FIFO_is_written_through_and_stays_a_FIFO()
    {
        // As `-o /dev/null` or `-o >(gzip)` name a device or a pipe: renaming over them would replace the device
        // with a regular file (it did, for /dev/null, as root).
        using var work = new TempDirectory();
        var fifo = work.File("pipe");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, mkfifo.ExitCode);
        }
        var reader = Task.Run(() => File.ReadAllText(fifo), TestContext.Current.CancellationToken);

        AtomicFile.Write(fifo, s => s.Write("through the pipe"u8));

        Assert.Equal("through the pipe", await reader);
        Assert.Equal("a FIFO", FileKind.Describe(fifo));
        Assert.Equal(["pipe"], Directory.GetFiles(work.Path).Select(Path.GetFileName));
    }
}
