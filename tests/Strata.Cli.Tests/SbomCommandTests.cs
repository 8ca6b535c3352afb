using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests;

public sealed class SbomCommandTests
{
    private static readonly string Wasteful = $"oci:{Fixtures.OciLayout}:wasteful";

    [Fact(Timeout = 120_000)]
    public async Task Analyze_writes_the_sbom_from_the_same_read()
    {
        using var work = new TempDirectory();

        var result = await CliRunner.RunAsync(["analyze", Wasteful, "--sbom", "sbom.json", "--sbom-format", "json", "--json", "analysis.json"],
            workingDirectory: work.Path);

        CliAssert.ExitCode(0, result);
        using var sbom = JsonDocument.Parse(await File.ReadAllBytesAsync(work.File("sbom.json"), TestContext.Current.CancellationToken));
        var packages = sbom.RootElement.GetProperty("packages").EnumerateArray().ToList();
        var lodash = packages.Single(p => p.GetProperty("name").GetString() == "lodash");
        Assert.Equal("pkg:npm/lodash@4.17.15", lodash.GetProperty("purl").GetString());
        var location = lodash.GetProperty("locations")[0];
        Assert.Equal(8, location.GetProperty("layer").GetInt32());
        Assert.Contains("node_modules", location.GetProperty("createdBy").GetString(), StringComparison.Ordinal);
        Assert.Contains(packages, p => p.GetProperty("purl").GetString() == "pkg:golang/stdlib@v1.19.8");
        Assert.DoesNotContain(packages, p => p.GetProperty("purl").GetString()!.StartsWith("pkg:pypi/requests", StringComparison.Ordinal));
        using var analysis = JsonDocument.Parse(await File.ReadAllBytesAsync(work.File("analysis.json"), TestContext.Current.CancellationToken));
        Assert.Equal(0.6660606093772785, analysis.RootElement.GetProperty("image").GetProperty("efficiencyScore").GetDouble());
    }

    [Fact(Timeout = 120_000)]
    public async Task The_table_names_each_package_and_the_line_that_added_it()
    {
        var result = await CliRunner.RunAsync(["sbom", Wasteful]);

        CliAssert.ExitCode(0, result);
        Assert.Contains("Debian GNU/Linux 12 (bookworm)", result.Out, StringComparison.Ordinal);
        Assert.Contains("commons-lang3", result.Out, StringComparison.Ordinal);
        Assert.Contains("python3-requests", result.Out, StringComparison.Ordinal);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("sbom", "--format", "yaml")]
    [InlineData("analyze", "--sbom-format", "yaml")]
    public async Task An_unknown_format_is_a_usage_error(string command, string option, string value)
    {
        string[] args = command == "analyze" ? [command, Wasteful, "--sbom", "/tmp/strata-unused.json", option, value] : [command, Wasteful, option, value];

        var result = await CliRunner.RunAsync(args);

        CliAssert.ExitCode(2, result);
        Assert.Contains("yaml", result.Error, StringComparison.Ordinal);
    }
}
