using System.Text.Json.Nodes;
using Strata.Cli.Tests.Registry;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary><c>docker save app | strata analyze -</c>, through the real executable and a real pipe.</summary>
public sealed class StandardInputTests
{
    [Theory(Timeout = 120_000)]
    [InlineData("-", "multistage.docker.tar")]
    [InlineData("-", "multistage.oci.tar")]
    [InlineData("/dev/stdin", "multistage.docker.tar")]
    public async Task An_archive_piped_in_reads_as_the_file_does_and_its_spool_is_removed(string image, string fixture)
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        var temp = Directory.CreateDirectory(work.File("tmp")).FullName;
        using var process = StrataProcess.Start(
            ["analyze", image, "--json", "-"], work.File("cache"), new Dictionary<string, string> { ["TMPDIR"] = temp }, redirectInput: true);
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await using (var archive = File.OpenRead(Fixtures.Images(fixture)))
        {
            await archive.CopyToAsync(process.StandardInput.BaseStream, ct);
        }
        process.StandardInput.Close();
        await process.WaitForExitAsync(ct);

        Assert.True(process.ExitCode == 0, await error);
        var fromFile = await CliRunner.RunAsync(["analyze", Fixtures.Images(fixture), "--json", "-"]);
        CliAssert.ExitCode(0, fromFile);
        var expected = JsonNode.Parse(fromFile.StandardOutputBytes)!;
        var actual = JsonNode.Parse(await output)!;
        Assert.Equal(expected["image"]!.ToJsonString(), actual["image"]!.ToJsonString());
        Assert.Equal(expected["layer"]!.ToJsonString(), actual["layer"]!.ToJsonString());
        Assert.Equal(expected["strata"]!["layers"]!.ToJsonString(), actual["strata"]!["layers"]!.ToJsonString());
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp));
    }

    [Fact(Timeout = 60_000)]
    public async Task Input_that_is_no_archive_is_an_error_naming_standard_input_and_no_temporary_file()
    {
        var result = await CliRunner.RunAsync(["analyze", "-"], standardInput: "this is not a tar archive, it is a sentence.");

        CliAssert.ExitCode(2, result);
        Assert.StartsWith("strata: error: standard input: not a tar archive", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), result.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Empty_input_says_what_to_pipe_in()
    {
        var result = await CliRunner.RunAsync(["analyze", "-"], standardInput: "");

        CliAssert.ExitCode(2, result);
        Assert.Contains("standard input: empty; pipe a docker archive or OCI archive in", result.Error, StringComparison.Ordinal);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_while_the_input_is_still_arriving_exits_130_and_removes_the_spool(string signal)
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        var temp = Directory.CreateDirectory(work.File("tmp")).FullName;
        using var process = StrataProcess.Start(
            ["analyze", "-"], work.File("cache"), new Dictionary<string, string> { ["TMPDIR"] = temp }, redirectInput: true);
        var error = process.StandardError.ReadToEndAsync(ct);
        var archive = await File.ReadAllBytesAsync(Fixtures.Images("multistage.docker.tar"), ct);
        // Half the archive, and the pipe left open: strata waits for the rest, with its spool on disk.
        await process.StandardInput.BaseStream.WriteAsync(archive.AsMemory(0, archive.Length / 2), ct);
        await process.StandardInput.BaseStream.FlushAsync(ct);
        while (!Directory.EnumerateFiles(temp).Any(f => new FileInfo(f).Length > 0))
        {
            if (process.HasExited)
            {
                Assert.Fail($"strata ended (exit {process.ExitCode}) before the input was complete: {await error}");
            }
            await Task.Delay(10, ct);
        }

        await StrataProcess.SignalAsync(process, signal, ct);
        await process.WaitForExitAsync(ct);

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}: {await error}");
        Assert.Contains("strata: error: interrupted", await error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp));
    }
}
