using System.Text.RegularExpressions;

namespace Strata.Cli.Tests.CommandLine;

/// <summary>Whatever fails, the user reads a message, never the name of an exception type.</summary>
public sealed partial class NoTypeNameTests
{
    [Theory(Timeout = 60_000)]
    [InlineData("analyze", "foo:bar/baz")]
    [InlineData("inspect", "oci:/proc/self")]
    [InlineData("analyze", "docker-archive:/dev/null")]
    public async Task A_failure_names_no_exception_type(string command, string image)
    {
        var result = await CliRunner.RunAsync([command, image, "--cache-dir", Path.Combine(Path.GetTempPath(), "strata-test-unused")]);

        CliAssert.ExitCode(2, result);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("strata: error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", line, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(TypeName(), line);
    }

    [GeneratedRegex(@"\b[A-Z]\w*(Exception|Error)\b")]
    private static partial Regex TypeName();
}
