using Strata.Analysis.Model;
using Strata.Analysis.Slim;
using Strata.Cli.Commands;
using Strata.TestKit;

namespace Strata.Cli.Tests.Slim;

/// <summary>
/// When the written image's final file system is not the source's, slim exits 1, names the paths and leaves nothing
/// behind. No real input makes the planner wrong on demand, so the fault is a plan that drops one more file than it
/// may, injected through <see cref="SlimCommand.PlanFault"/>.
/// </summary>
public sealed class SlimProofFailureTests
{
    /// <summary>A base layer, a layer whose dead file makes it rewritten, and a layer that overwrites that file.</summary>
    internal static string Source(TempDirectory work) => new OciImageBuilder()
        .Layer(new LayerBuilder().Directory("etc").File("etc/os-release", "ID=hand\n"), "ADD rootfs /")
        .Layer(new LayerBuilder().Directory("app").File("app/keep.txt", "kept").File("app/config", new string('c', 9000)), "COPY app /app")
        .Layer(new LayerBuilder().File("app/config", "final"), "COPY config /app/config")
        .WriteOciLayout(work.File("source"));

    /// <summary>The plan with app/keep.txt left out of the layer that should keep it.</summary>
    internal static SlimPlan DropKeepTxt(SlimPlan plan) => plan with
    {
        Layers = plan.Layers.Select(layer => layer with
        {
            Sources = layer.Sources.Select(s => s with
            {
                Keep = s.Keep.Where(k => k.Path != "app/keep.txt").ToHashSet(),
            }).ToList(),
        }).ToList(),
    };

    [Theory]
    [InlineData("oci:OUT")]
    [InlineData("oci-archive:OUT")]
    [InlineData("docker-archive:OUT")]
    public async Task A_written_image_that_differs_exits_1_naming_the_path_and_leaves_nothing(string destination)
    {
        using var work = new TempDirectory();
        var source = Source(work);
        var output = work.File("out");
        var before = Directory.EnumerateFileSystemEntries(work.Path).Order(StringComparer.Ordinal).ToList();

        CliResult result;
        SlimCommand.PlanFault.Value = DropKeepTxt;
        try
        {
            result = await CliRunner.RunAsync(["slim", $"oci:{source}", destination.Replace("OUT", output, StringComparison.Ordinal)]);
        }
        finally
        {
            SlimCommand.PlanFault.Value = null;
        }

        CliAssert.ExitCode(1, result);
        Assert.Contains("/app/keep.txt: missing from the output", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was written", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
        // No DEST and no staging folder beside it: the work folder holds what it held before.
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(work.Path).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Without_the_fault_the_same_image_slims_and_proves()
    {
        using var work = new TempDirectory();
        var source = Source(work);

        var result = await CliRunner.RunAsync(["slim", $"oci:{source}", $"oci:{work.File("out")}"]);

        CliAssert.ExitCode(0, result);
        Assert.True(Directory.Exists(work.File("out")));
    }
}
