using System.Runtime.Versioning;
using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>
/// <c>strata lint</c> end to end: formats, exit codes (1 when findings remain, as hadolint; 2 on bad input), ignore
/// options, and <c>--fix</c> rewriting a copy in place with nothing else changed.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class LintCommandTests
{
    private static readonly string WastefulDockerfile = Path.Combine(Fixtures.Shared, "dockerfiles", "wasteful", "Dockerfile");

    private static readonly string[] JsonKeys = ["id", "hadolint", "severity", "title", "message", "line", "layerIndex", "bytes", "paths", "fix"];

    private static List<JsonElement> Json(CliResult result) => JsonDocument.Parse(result.StandardOutputBytes).RootElement.EnumerateArray().ToList();

    [Fact]
    public async Task The_table_groups_findings_by_severity_with_lines_and_exits_1()
    {
        var result = await CliRunner.RunAsync(["lint", WastefulDockerfile], new Dictionary<string, string> { ["NO_COLOR"] = "1" });

        CliAssert.ExitCode(1, result);
        Assert.Matches(@"(?m)^(ERROR|WARNING|INFO) \(\d+\)$", result.Out);
        Assert.Matches(@"(?m)^3\s+STR1002\s+DL3015\s+apt-get install without --no-install-recommends", result.Out);
        Assert.Matches(@"(?m)^8\s+STR1011\s+this RUN only deletes \(/var/lib/apt/lists/\*\)", result.Out);
        Assert.Matches(@"(?m)^14\s+STR2004\s+ENV API_TOKEN", result.Out);
        Assert.DoesNotContain("\x1b[", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_leaves_out_the_summary_but_not_the_findings()
    {
        var result = await CliRunner.RunAsync(["lint", WastefulDockerfile, "-q"]);

        CliAssert.ExitCode(1, result);
        Assert.DoesNotContain("findings:", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^3\s+STR1002\s+DL3015\s", result.Out);
    }

    [Fact]
    public async Task Json_is_an_array_of_findings_with_exactly_the_shared_keys()
    {
        var result = await CliRunner.RunAsync(["lint", WastefulDockerfile, "--format", "json"]);

        CliAssert.ExitCode(1, result);
        var findings = Json(result);
        Assert.All(findings, f => Assert.Equal(JsonKeys, f.EnumerateObject().Select(p => p.Name)));
        var lists = findings.Single(f => f.GetProperty("id").GetString() == "STR1001");
        Assert.Equal("DL3009", lists.GetProperty("hadolint").GetString());
        Assert.Equal(2, lists.GetProperty("line").GetInt32());
        Assert.Equal(JsonValueKind.Null, lists.GetProperty("bytes").ValueKind);
        Assert.Equal(JsonValueKind.Null, findings.Single(f => f.GetProperty("id").GetString() == "STR1011").GetProperty("hadolint").ValueKind);
    }

    [Fact]
    public async Task Ignore_takes_strata_and_hadolint_ids()
    {
        var result = await CliRunner.RunAsync(["lint", WastefulDockerfile, "-f", "json", "--ignore", "DL3059", "--ignore", "str2004"]);

        var ids = Json(result).Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.DoesNotContain("STR1010", ids);
        Assert.DoesNotContain("STR2004", ids);
        Assert.Contains("STR1002", ids);
    }

    [Fact]
    public async Task A_clean_dockerfile_in_the_working_folder_is_the_default_and_exits_0()
    {
        using var work = new TempDirectory();
        await File.WriteAllTextAsync(work.File("Dockerfile"), "FROM debian:12-slim\nUSER 65532\nCMD [\"/app\"]\n", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["lint"], workingDirectory: work.Path);

        CliAssert.ExitCode(0, result);
        Assert.Contains("no findings", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_rewrites_only_the_fixable_spots_reports_them_and_lints_what_remains()
    {
        using var work = new TempDirectory();
        var original = await File.ReadAllTextAsync(WastefulDockerfile, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(work.File("Dockerfile"), original, TestContext.Current.CancellationToken);
        var before = Json(await CliRunner.RunAsync(["lint", "-f", "json"], workingDirectory: work.Path));

        var result = await CliRunner.RunAsync(["lint", "--fix", "-f", "json"], workingDirectory: work.Path);

        CliAssert.ExitCode(1, result);
        Assert.Contains("fixed line 3: STR1002 (DL3015)", result.Error, StringComparison.Ordinal);
        var expected = original.Replace("RUN apt-get install -y python3", "RUN apt-get install --no-install-recommends -y python3", StringComparison.Ordinal);
        Assert.Equal(expected, await File.ReadAllTextAsync(work.File("Dockerfile"), TestContext.Current.CancellationToken));
        Assert.Equal(
            before.Where(f => f.GetProperty("id").GetString() != "STR1002").Select(f => f.GetRawText()),
            Json(result).Select(f => f.GetRawText()));
        Assert.Single(Directory.GetFiles(work.Path)); // no temporary file left beside it
    }

    [Fact]
    public async Task Sarif_locates_results_relative_to_the_working_folder()
    {
        using var work = new TempDirectory();
        Directory.CreateDirectory(work.File("app"));
        await File.WriteAllTextAsync(work.File(Path.Combine("app", "Dockerfile")), "FROM debian\nRUN cd /x\n", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["lint", "app/Dockerfile", "-f", "sarif", "-o", "lint.sarif"], workingDirectory: work.Path);

        CliAssert.ExitCode(1, result);
        using var sarif = JsonDocument.Parse(await File.ReadAllBytesAsync(work.File("lint.sarif"), TestContext.Current.CancellationToken));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "STR2008");
        Assert.All(results, r => Assert.Equal("app/Dockerfile",
            r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
    }

    [Fact]
    public async Task A_dockerfile_the_builder_rejects_is_named_with_its_line_and_column()
    {
        using var work = new TempDirectory();
        await File.WriteAllTextAsync(work.File("Dockerfile"), "FROM debian:12\nFOO bar\n", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["lint", "Dockerfile", "--fix"], workingDirectory: work.Path);

        BadInputAssert.Rejected(result, "Dockerfile", "line 2", "column 1");
        Assert.Equal("FROM debian:12\nFOO bar\n", await File.ReadAllTextAsync(work.File("Dockerfile"), TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("--ignore", "nonsense", "--ignore")]
    [InlineData("--format", "xml", "--format")]
    public async Task Bad_option_values_are_named(string option, string value, string named)
    {
        var result = await CliRunner.RunAsync(["lint", WastefulDockerfile, option, value]);

        BadInputAssert.Rejected(result, named, value);
    }

    [Fact]
    public async Task A_folder_is_read_as_a_build_context_and_its_Dockerfile_linted()
    {
        using var work = new TempDirectory();
        Directory.CreateDirectory(work.File("app"));
        await File.WriteAllTextAsync(work.File(Path.Combine("app", "Dockerfile")), "FROM alpine:3.20\nUSER app\nCMD [\"app\"]\n", TestContext.Current.CancellationToken);
        Directory.CreateDirectory(work.File("empty"));

        var linted = await CliRunner.RunAsync(["lint", "app", "-q"], workingDirectory: work.Path);
        var missing = await CliRunner.RunAsync(["lint", "empty"], workingDirectory: work.Path);

        CliAssert.ExitCode(0, linted);
        BadInputAssert.Rejected(missing, Path.Combine("empty", "Dockerfile"), "no such Dockerfile");
    }

    [Fact]
    public async Task A_missing_dockerfile_is_named()
    {
        using var work = new TempDirectory();

        var result = await CliRunner.RunAsync(["lint"], workingDirectory: work.Path);

        BadInputAssert.Rejected(result, "Dockerfile", "no such Dockerfile");
    }

    [Fact]
    public async Task A_dash_reads_the_dockerfile_from_standard_input()
    {
        var result = await CliRunner.RunAsync(["lint", "-", "-f", "json"], standardInput: "FROM ghcr.io/acme/app\nUSER 1000\n");

        CliAssert.ExitCode(1, result);
        Assert.Equal([("STR2002", 1)], Json(result).Select(f => (f.GetProperty("id").GetString(), f.GetProperty("line").GetInt32())));
    }

    [Fact]
    public async Task Fix_refuses_standard_input_a_symbolic_link_and_a_read_only_file_and_writes_nothing()
    {
        using var work = new TempDirectory();
        const string Text = "FROM debian:12-slim\nRUN apt-get install -y curl\nUSER 1000\n";
        await File.WriteAllTextAsync(work.File("real"), Text, TestContext.Current.CancellationToken);
        File.CreateSymbolicLink(work.File("Dockerfile"), work.File("real"));
        await File.WriteAllTextAsync(work.File("readonly"), Text, TestContext.Current.CancellationToken);
        File.SetUnixFileMode(work.File("readonly"), UnixFileMode.UserRead | UnixFileMode.GroupRead);

        BadInputAssert.Rejected(await CliRunner.RunAsync(["lint", "-", "--fix"], standardInput: Text), "--fix", "standard input");
        BadInputAssert.Rejected(await CliRunner.RunAsync(["lint", "--fix"], workingDirectory: work.Path), "--fix", "Dockerfile", "symbolic link");
        BadInputAssert.Rejected(await CliRunner.RunAsync(["lint", "readonly", "--fix"], workingDirectory: work.Path), "--fix", "readonly", "not writable");

        Assert.Equal(Text, await File.ReadAllTextAsync(work.File("real"), TestContext.Current.CancellationToken));
        Assert.Equal(Text, await File.ReadAllTextAsync(work.File("readonly"), TestContext.Current.CancellationToken));
        Assert.True(new FileInfo(work.File("Dockerfile")).LinkTarget is not null);
    }

    [Fact]
    public async Task Fix_keeps_the_file_mode()
    {
        using var work = new TempDirectory();
        await File.WriteAllTextAsync(work.File("Dockerfile"), "FROM debian:12-slim\nRUN apt-get install -y curl\nUSER 1000\n", TestContext.Current.CancellationToken);
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(work.File("Dockerfile"), mode);

        var result = await CliRunner.RunAsync(["lint", "--fix"], workingDirectory: work.Path);

        CliAssert.ExitCode(0, result);
        Assert.Equal("FROM debian:12-slim\nRUN apt-get install --no-install-recommends -y curl\nUSER 1000\n", await File.ReadAllTextAsync(work.File("Dockerfile"), TestContext.Current.CancellationToken));
        Assert.Equal(mode, File.GetUnixFileMode(work.File("Dockerfile")));
    }
}
