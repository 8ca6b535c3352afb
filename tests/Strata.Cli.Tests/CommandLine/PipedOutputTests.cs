using System.Text.RegularExpressions;
using Strata.Cli.Tests.Registry;
using Strata.TestKit;

namespace Strata.Cli.Tests.CommandLine;

/// <summary>
/// The real executable with its standard output on a pipe, as in <c>strata inspect … | grep digest</c> or a CI log:
/// no line is wrapped and no value split.
/// </summary>
public sealed partial class PipedOutputTests
{
    private static readonly string Image = $"oci:{Path.Combine(Fixtures.RepositoryRoot, "examples", "wasteful-mini")}";

    /// <summary>The shipped image's digests, as its index.json and manifest name them.</summary>
    private static readonly string[] Digests =
    [
        "sha256:1ae22c638c5060a7227de6545adcd3162506fedac6da75114808fbb9fa137b5b",
        "sha256:c6829ccb42a86f2bd0bedd7038c00c466b5e028b02bfb333b864736c4cbc7de3",
        "sha256:98081c7237229b8773e233eb5c3dfd9e90e99df6c6b4f83448109d59c0b23d4d",
        "sha256:47c4f4c8e7d7fcb791cf10124c8199bd8a565d6f59ad1eb0d47a831c9e535417",
        "sha256:738a70112512bf6305e7f12118825b9b0bda2b1969c86cce08dcb2e127e0f097",
    ];

    private static async Task<string> StandardOutput(params string[] args)
    {
        using var cache = new TempDirectory();
        using var process = StrataProcess.Start(args, cache.Path);
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await error}");
        return await output;
    }

    [Fact(Timeout = 120_000)]
    public async Task A_piped_inspect_prints_whole_digests_one_per_line()
    {
        var output = await StandardOutput("inspect", Image);

        var lines = output.Split('\n');
        foreach (var digest in Digests)
        {
            Assert.Single(lines, l => l.Contains(digest, StringComparison.Ordinal));
        }
        // grep digest: each digest line holds the whole 71 characters.
        Assert.Equal([$"Manifest digest  {Digests[0]}", $"Config digest    {Digests[1]}"],
            lines.Where(l => l.Contains(" digest ", StringComparison.Ordinal)).Select(l => l.TrimEnd()));
        Assert.All(lines.Where(l => l.Contains("sha256:", StringComparison.Ordinal)), l => Assert.Matches(DigestPattern(), l));
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_piped_report_keeps_the_gate_and_command_lines_whole()
    {
        var output = await StandardOutput("analyze", Image, "--ci", "--lowest-efficiency", "0.4", "--highest-user-wasted-percent", "0.75");

        Assert.Contains("Result:PASS [Total:5] [Passed:2] [Failed:0] [Skipped:3]", output, StringComparison.Ordinal);
        Assert.Contains(output.Split('\n'), l => l.Contains("RUN rm -rf /tmp/sdk.tar /opt/sdk", StringComparison.Ordinal) && l.Contains("0/1/2", StringComparison.Ordinal));
        Assert.Contains(output.Split('\n'), l => l.StartsWith("Wasted (dive): every copy", StringComparison.Ordinal) && l.EndsWith("live paths.", StringComparison.Ordinal));
    }

    [Fact(Timeout = 120_000)]
    public async Task The_executable_refuses_an_unknown_option_and_writes_json_to_a_dash()
    {
        using var cache = new TempDirectory();

        var (refusedExit, refused) = await StrataProcess.RunAsync(["analyze", Image, "--lowestEfficency", "0.5"], cache.Path, TestContext.Current.CancellationToken);
        var (helpExit, help) = await StrataProcess.RunAsync(["analyze", "--help"], cache.Path, TestContext.Current.CancellationToken);
        var json = await StandardOutput("analyze", Image, "-j", "-");

        Assert.Equal(2, refusedExit);
        Assert.Equal("strata: error: unknown option '--lowestEfficency'; did you mean '--lowestEfficiency'? (see 'strata analyze --help')", refused.Trim());
        Assert.Equal(0, helpExit);
        Assert.Contains("oci:DIR[:TAG]", help, StringComparison.Ordinal);
        Assert.Contains("EXIT CODES:", help, StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(3, document.RootElement.GetProperty("layer").GetArrayLength());
    }

    [GeneratedRegex("sha256:[0-9a-f]{64}")]
    private static partial Regex DigestPattern();
}
