using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>dive's test image: efficiency 0.984, wasted 32025 bytes, user-wasted 0.483, and 32025 dead bytes.</summary>
public sealed class CiGateTests
{
    private static readonly string Image = Fixtures.Dive("test-docker-image.tar");

    [Fact]
    public async Task Ci_flag_applies_dives_default_rules_and_fails_on_user_waste()
    {
        var result = await CliRunner.RunAsync(["analyze", Image, "--ci"]);

        CliAssert.ExitCode(1, result);
        Assert.Contains("PASS: lowestEfficiency", result.Out, StringComparison.Ordinal);
        Assert.Contains("FAIL: highestUserWastedPercent", result.Out, StringComparison.Ordinal);
        Assert.Contains("0.4834911001404049 > threshold=0.1", result.Out, StringComparison.Ordinal);
        Assert.Contains("SKIP: highestWastedBytes", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ci_environment_variable_turns_the_gate_on_as_in_dive()
    {
        var result = await CliRunner.RunAsync(["analyze", Image], new Dictionary<string, string> { ["CI"] = "true" });

        CliAssert.ExitCode(1, result);
        Assert.Contains("FAIL: highestUserWastedPercent", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_ci_no_rule_is_evaluated()
    {
        var result = await CliRunner.RunAsync(["analyze", Image]);

        CliAssert.ExitCode(0, result);
        Assert.DoesNotContain("highestUserWastedPercent", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dive_ci_file_in_the_working_folder_is_read_with_dives_size_units()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.File(".dive-ci"), """
            rules:
              lowestEfficiency: 0.95
              highestWastedBytes: 32Kb
              highestUserWastedPercent: disabled
            """, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["analyze", Image, "--ci"], workingDirectory: folder.Path);

        CliAssert.ExitCode(1, result);
        Assert.Contains("FAIL: highestWastedBytes", result.Out, StringComparison.Ordinal);
        Assert.Contains("wasted-bytes=32025 > threshold=32000", result.Out, StringComparison.Ordinal);
        Assert.Contains("SKIP: highestUserWastedPercent", result.Out, StringComparison.Ordinal);
        Assert.Contains("PASS: lowestEfficiency", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flags_override_the_file_and_dead_byte_rules_compare_exactly()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.File("rules.yaml"), "rules:\n  highestUserWastedPercent: 0.1\n  highestDeadPercent: 0.5\n", TestContext.Current.CancellationToken);

        var pass = await CliRunner.RunAsync(
            ["analyze", Image, "--ci", "--ci-config", "rules.yaml", "--highest-user-wasted-percent", "0.5", "--highest-dead-bytes", "32025"],
            workingDirectory: folder.Path);
        CliAssert.ExitCode(0, pass);
        Assert.Contains("PASS: highestDeadBytes", pass.Out, StringComparison.Ordinal);
        Assert.Contains("PASS: highestDeadPercent", pass.Out, StringComparison.Ordinal);

        var fail = await CliRunner.RunAsync(
            ["analyze", Image, "--ci", "--ci-config", "rules.yaml", "--highest-user-wasted-percent", "0.5", "--highest-dead-bytes", "32024"],
            workingDirectory: folder.Path);
        CliAssert.ExitCode(1, fail);
        Assert.Contains("FAIL: highestDeadBytes", fail.Out, StringComparison.Ordinal);
        Assert.Contains("dead-bytes=32025 > threshold=32024", fail.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules:\n  lowestEfficiency: lots\n", "rules.lowestEfficiency")]
    [InlineData("rules:\n  highestWastedBytes: 12 parsecs\n", "rules.highestWastedBytes")]
    [InlineData("rules:\n  fastestCar: 1\n", "rules.fastestCar")]
    [InlineData("rules: [unclosed\n", "invalid YAML")]
    public async Task A_bad_rules_file_is_a_usage_error_naming_the_rule(string yaml, string named)
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.File(".dive-ci"), yaml, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["analyze", Image, "--ci"], workingDirectory: folder.Path);

        CliAssert.ExitCode(2, result);
        Assert.Contains(".dive-ci", result.Error, StringComparison.Ordinal);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_rules_file_named_on_the_command_line_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(["analyze", Image, "--ci", "--ci-config", "/no/such/rules"]);

        CliAssert.ExitCode(2, result);
        Assert.Contains("/no/such/rules", result.Error, StringComparison.Ordinal);
    }
}
