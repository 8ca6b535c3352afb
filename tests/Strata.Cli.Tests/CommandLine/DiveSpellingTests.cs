using Strata.TestKit;

namespace Strata.Cli.Tests.CommandLine;

/// <summary>
/// dive's camel-case rule options are accepted. The shipped image has an efficiency of 47.37 %, 40 kB wasted and
/// 68.99 % of its user layers wasted (dive's numbers); the default rules (0.9 and 0.1) fail it.
/// </summary>
public sealed class DiveSpellingTests
{
    private static readonly string Image = $"oci:{Path.Combine(Fixtures.RepositoryRoot, "examples", "wasteful-mini")}";

    [Fact]
    public async Task Dives_spellings_set_the_thresholds()
    {
        var result = await CliRunner.RunAsync(["analyze", Image, "--ci", "--lowestEfficiency", "0.4", "--highestUserWastedPercent", "0.75", "--highestWastedBytes", "50kB"]);

        CliAssert.ExitCode(0, result);
        Assert.Contains("PASS: lowestEfficiency", result.Out, StringComparison.Ordinal);
        Assert.Contains("PASS: highestWastedBytes", result.Out, StringComparison.Ordinal);
        Assert.Contains("PASS: highestUserWastedPercent", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--lowestEfficiency", "0.5", "lowestEfficiency")]
    [InlineData("--highestWastedBytes", "30kB", "highestWastedBytes")]
    [InlineData("--highestUserWastedPercent", "0.6", "highestUserWastedPercent")]
    public async Task Each_spelling_can_fail_the_gate(string option, string value, string rule)
    {
        string[] lenient = ["--lowestEfficiency", "0.4", "--highestUserWastedPercent", "0.75", "--highestWastedBytes", "50kB"];
        var index = Array.IndexOf(lenient, option);
        lenient[index + 1] = value;

        var result = await CliRunner.RunAsync(["analyze", Image, "--ci", .. lenient]);

        CliAssert.ExitCode(1, result);
        Assert.Contains($"FAIL: {rule}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dives_ci_config_and_json_flags_are_taken()
    {
        using var work = new TempDirectory();
        await File.WriteAllTextAsync(work.File("rules.yaml"), "rules:\n  lowestEfficiency: 0.4\n  highestUserWastedPercent: 0.75\n", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["analyze", Image, "--ci", "--ci-config", "rules.yaml", "-j", "out.json"], workingDirectory: work.Path);

        CliAssert.ExitCode(0, result);
        Assert.True(File.Exists(work.File("out.json")));
    }
}
