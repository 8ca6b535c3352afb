using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Strata.TestKit;

namespace Strata.Cli.Tests.CommandLine;

public sealed class VersionTests
{
    [Fact]
    public async Task Version_flag_and_command_print_version_commit_and_runtime()
    {
        var flag = await CliRunner.RunAsync(["--version"]);
        var command = await CliRunner.RunAsync(["version"]);

        CliAssert.ExitCode(0, flag);
        CliAssert.ExitCode(0, command);
        Assert.Equal(flag.Out, command.Out);
        var match = Regex.Match(flag.Out.Trim(), @"^strata (\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?) \(commit ([0-9a-f]{7,12}|unknown), (\.NET \d+\.\d+\.\d+.*)\)$");
        Assert.True(match.Success, flag.Out);
        Assert.NotEqual("1.0.0", match.Groups[1].Value);
        Assert.Equal(System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription, match.Groups[3].Value);
        if (Git("rev-parse", "HEAD") is { } head)
        {
            Assert.StartsWith(match.Groups[2].Value, head, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_sbom_names_the_same_tool_version()
    {
        var version = (await CliRunner.RunAsync(["version"])).Out.Split(' ')[1];

        var result = await CliRunner.RunAsync(["sbom", $"oci:{Fixtures.OciLayout}:multistage", "--format", "cyclonedx-json"]);

        CliAssert.ExitCode(0, result);
        using var json = JsonDocument.Parse(result.StandardOutputBytes);
        var tool = json.RootElement.GetProperty("metadata").GetProperty("tools").GetProperty("components")[0];
        Assert.Equal("strata", tool.GetProperty("name").GetString());
        Assert.Equal(version, tool.GetProperty("version").GetString());
    }

    /// <summary>git's own answer, or null where git or the repository is missing.</summary>
    private static string? Git(params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Fixtures.RepositoryRoot };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
