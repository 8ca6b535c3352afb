using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests.CommandLine;

/// <summary>-f/--format picks the output, -o/--output FILE writes it whole ('-' is standard output), -q leaves out decoration.</summary>
public sealed class OutputConventionTests
{
    private static readonly string Image = $"oci:{Path.Combine(Fixtures.RepositoryRoot, "examples", "wasteful-mini")}";

    /// <summary>The manifest of the shipped image, as its index.json names it.</summary>
    private const string ManifestDigest = "sha256:1ae22c638c5060a7227de6545adcd3162506fedac6da75114808fbb9fa137b5b";

    private static byte[] ManifestBytes() =>
        File.ReadAllBytes(Path.Combine(Fixtures.RepositoryRoot, "examples", "wasteful-mini", "blobs", "sha256", ManifestDigest["sha256:".Length..]));

    [Fact]
    public async Task Analyze_format_json_and_dives_json_flag_write_the_same_export()
    {
        using var work = new TempDirectory();

        var byFormat = await CliRunner.RunAsync(["analyze", Image, "-f", "json", "-o", "a.json"], workingDirectory: work.Path);
        var byDiveFlag = await CliRunner.RunAsync(["analyze", Image, "-j", "b.json"], workingDirectory: work.Path);
        var toStdout = await CliRunner.RunAsync(["analyze", Image, "--format", "json"]);

        CliAssert.ExitCode(0, byFormat);
        CliAssert.ExitCode(0, byDiveFlag);
        CliAssert.ExitCode(0, toStdout);
        var a = await File.ReadAllTextAsync(work.File("a.json"), TestContext.Current.CancellationToken);
        Assert.Equal(a, await File.ReadAllTextAsync(work.File("b.json"), TestContext.Current.CancellationToken));
        Assert.Equal(a, toStdout.StandardOutput);
        using var json = JsonDocument.Parse(a);
        Assert.Equal(3, json.RootElement.GetProperty("layer").GetArrayLength());
        Assert.Equal(["a.json", "b.json"], Directory.GetFiles(work.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Analyze_table_can_go_to_a_file_unwrapped()
    {
        using var work = new TempDirectory();

        var result = await CliRunner.RunAsync(["analyze", Image, "-o", "report.txt"], workingDirectory: work.Path);

        CliAssert.ExitCode(0, result);
        Assert.Equal("", result.Out);
        var report = await File.ReadAllTextAsync(work.File("report.txt"), TestContext.Current.CancellationToken);
        Assert.Contains($"Manifest digest    {ManifestDigest}", report, StringComparison.Ordinal);
        Assert.DoesNotContain("\x1b", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_format_is_named_with_the_choices()
    {
        var result = await CliRunner.RunAsync(["analyze", Image, "--format", "yaml"]);

        BadInputAssert.Rejected(result, "--format", "'yaml'", "table, json");
    }

    [Theory]
    [InlineData("--raw")]
    [InlineData("--format raw")]
    [InlineData("-f raw")]
    public async Task Inspect_raw_prints_the_manifest_bytes_as_stored(string option)
    {
        var result = await CliRunner.RunAsync(["inspect", Image, .. option.Split(' ')]);

        CliAssert.ExitCode(0, result);
        Assert.Equal(ManifestBytes(), result.StandardOutputBytes);
    }

    [Fact]
    public async Task Inspect_json_by_flag_or_format_and_to_a_file_agree()
    {
        using var work = new TempDirectory();

        var flag = await CliRunner.RunAsync(["inspect", Image, "--json"]);
        var format = await CliRunner.RunAsync(["inspect", Image, "--format", "json"]);
        var file = await CliRunner.RunAsync(["inspect", Image, "-f", "json", "-o", "inspect.json"], workingDirectory: work.Path);

        CliAssert.ExitCode(0, flag);
        CliAssert.ExitCode(0, file);
        Assert.Equal(flag.StandardOutput, format.StandardOutput);
        Assert.Equal(flag.StandardOutput, await File.ReadAllTextAsync(work.File("inspect.json"), TestContext.Current.CancellationToken));
        using var json = JsonDocument.Parse(flag.StandardOutput);
        Assert.Equal(ManifestDigest, json.RootElement.GetProperty("manifestDigest").GetString());
    }

    [Fact]
    public async Task An_output_file_in_a_missing_folder_is_refused_and_nothing_is_left()
    {
        using var work = new TempDirectory();

        var result = await CliRunner.RunAsync(["inspect", Image, "--format", "json", "-o", "no/such/folder/out.json"], workingDirectory: work.Path);

        BadInputAssert.Rejected(result, "no/such/folder/out.json");
        Assert.Empty(Directory.GetFileSystemEntries(work.Path));
    }

    [Fact]
    public async Task An_existing_output_file_is_replaced_whole()
    {
        using var work = new TempDirectory();
        await File.WriteAllTextAsync(work.File("out"), new string('x', 100_000), TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["inspect", Image, "--raw", "-o", "out"], workingDirectory: work.Path);

        CliAssert.ExitCode(0, result);
        Assert.Equal(ManifestBytes(), await File.ReadAllBytesAsync(work.File("out"), TestContext.Current.CancellationToken));
        Assert.Equal(["out"], Directory.GetFiles(work.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Sbom_table_has_one_line_per_package_as_syft_prints_it()
    {
        var result = await CliRunner.RunAsync(["sbom", $"oci:{Fixtures.OciLayout}:wasteful", "-q"]);

        CliAssert.ExitCode(0, result);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["NAME", "VERSION", "TYPE", "LAYER"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["lodash", "4.17.15", "npm", "8"]);
        Assert.All(lines, l => Assert.Equal(4, l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
        Assert.DoesNotContain("│", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_leaves_out_the_explanations()
    {
        var loud = await CliRunner.RunAsync(["analyze", Image]);
        var quiet = await CliRunner.RunAsync(["analyze", Image, "-q"]);

        Assert.Contains("+/~/-: files the layer adds / modifies / removes", loud.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("+/~/-: files", quiet.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Wasted (dive): every copy", quiet.Out, StringComparison.Ordinal);
        Assert.Contains(ManifestDigest, quiet.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_sbom_dash_writes_the_sbom_to_standard_output_and_the_report_to_standard_error()
    {
        var result = await CliRunner.RunAsync(["analyze", $"oci:{Fixtures.OciLayout}:wasteful", "--sbom", "-", "--sbom-format", "cyclonedx-json"]);

        CliAssert.ExitCode(0, result);
        using var json = JsonDocument.Parse(result.StandardOutputBytes);
        Assert.Equal("CycloneDX", json.RootElement.GetProperty("bomFormat").GetString());
        Assert.Contains(json.RootElement.GetProperty("components").EnumerateArray(), c => c.GetProperty("name").GetString() == "lodash");
        Assert.Equal("", result.Out);
        Assert.Contains("Efficiency (dive)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_refuses_two_outputs_on_standard_output()
    {
        var result = await CliRunner.RunAsync(["analyze", Image, "--sbom", "-", "--format", "json"]);

        BadInputAssert.Rejected(result, "--sbom -");
    }
}
