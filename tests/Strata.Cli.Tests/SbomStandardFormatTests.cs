using System.Text.Json;
using Strata.Sbom.Tests.Output;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>
/// <c>strata sbom</c> on a real image in the standard formats: valid against the official schemas, whatever
/// catalogers are registered, and byte for byte the same twice over with SOURCE_DATE_EPOCH set.
/// </summary>
public sealed class SbomStandardFormatTests
{
    private static readonly Dictionary<string, string> Epoch = new() { ["SOURCE_DATE_EPOCH"] = "1700000000" };

    private static string Wasteful => $"oci:{Fixtures.OciLayout}:wasteful";

    [Fact]
    public async Task CycloneDx_on_standard_output_is_valid_and_reproducible()
    {
        var first = await CliRunner.RunAsync(["sbom", Wasteful, "--format", "cyclonedx-json"], Epoch);
        CliAssert.ExitCode(0, first);
        SbomSchemas.AssertValidCycloneDx(first.StandardOutputBytes);
        using (var bom = JsonDocument.Parse(first.StandardOutputBytes))
        {
            var metadata = bom.RootElement.GetProperty("metadata");
            Assert.Equal("2023-11-14T22:13:20Z", metadata.GetProperty("timestamp").GetString());
            Assert.Equal("container", metadata.GetProperty("component").GetProperty("type").GetString());
            Assert.StartsWith("sha256:", metadata.GetProperty("component").GetProperty("version").GetString(), StringComparison.Ordinal);
        }
        var second = await CliRunner.RunAsync(["sbom", Wasteful, "--format", "cyclonedx-json"], Epoch);
        Assert.Equal(first.StandardOutputBytes, second.StandardOutputBytes);
    }

    [Fact]
    public async Task Spdx_to_a_file_is_valid_and_reproducible()
    {
        using var folder = new TempDirectory();
        var first = await CliRunner.RunAsync(["sbom", Wasteful, "--format", "spdx-json", "-o", "first.spdx.json"], Epoch, folder.Path);
        CliAssert.ExitCode(0, first);
        Assert.Empty(first.StandardOutputBytes);
        var written = await File.ReadAllBytesAsync(folder.File("first.spdx.json"), TestContext.Current.CancellationToken);
        SbomSchemas.AssertValidSpdx(written);
        using (var spdx = JsonDocument.Parse(written))
        {
            Assert.Equal("SPDX-2.3", spdx.RootElement.GetProperty("spdxVersion").GetString());
            Assert.Equal("2023-11-14T22:13:20Z", spdx.RootElement.GetProperty("creationInfo").GetProperty("created").GetString());
            Assert.Equal("CONTAINER", spdx.RootElement.GetProperty("packages")[0].GetProperty("primaryPackagePurpose").GetString());
        }
        var second = await CliRunner.RunAsync(["sbom", Wasteful, "--format", "spdx-json", "-o", "second.spdx.json"], Epoch, folder.Path);
        CliAssert.ExitCode(0, second);
        Assert.Equal(written, await File.ReadAllBytesAsync(folder.File("second.spdx.json"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Without_SOURCE_DATE_EPOCH_two_runs_get_different_serial_numbers()
    {
        var first = await CliRunner.RunAsync(["sbom", Wasteful, "--format", "cyclonedx-json"]);
        var second = await CliRunner.RunAsync(["sbom", Wasteful, "--format", "cyclonedx-json"]);
        CliAssert.ExitCode(0, first);
        SbomSchemas.AssertValidCycloneDx(first.StandardOutputBytes);
        Assert.NotEqual(Serial(first.StandardOutputBytes), Serial(second.StandardOutputBytes));
    }

    private static string Serial(byte[] json)
    {
        using var bom = JsonDocument.Parse(json);
        return bom.RootElement.GetProperty("serialNumber").GetString()!;
    }
}
