using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests.Policy;

/// <summary>
/// <c>strata policy</c> end to end: the policy file (found or given, and its mistakes), the exit codes, the formats,
/// and the vulnerability policies with the shared advisories.
/// </summary>
public sealed class PolicyCommandTests(ScanDatabase database) : IClassFixture<ScanDatabase>
{
    private static readonly string Wasteful = $"oci:{Fixtures.OciLayout}:wasteful";
    private static readonly string Multistage = $"oci:{Fixtures.OciLayout}:multistage";

    [Fact(Timeout = 120_000)]
    public async Task A_policy_file_with_a_mistake_exits_2_naming_the_file_line_and_key_before_reading_the_image()
    {
        using var work = new TempDirectory();
        await File.WriteAllTextAsync(work.File("rules.yaml"), "policies:\n  non-root-user: {}\n  max-image-size:\n    size: 1GB\n    sise: 2GB\n", TestContext.Current.CancellationToken);

        // The image does not exist: the policy file's error comes first.
        var result = await CliRunner.RunAsync(["policy", "oci:" + work.File("nothing-here"), "--policy", "rules.yaml"], workingDirectory: work.Path);

        CliAssert.ExitCode(2, result);
        Assert.Contains("rules.yaml:5: policies.max-image-size.sise: unknown parameter (known: size, compressed)", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutputBytes);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_missing_policy_file_or_database_is_named()
    {
        var policy = await CliRunner.RunAsync(["policy", Multistage, "--policy", "/nonexistent/p.yaml"]);
        var db = await CliRunner.RunAsync(["policy", Multistage, "--db", "/nonexistent/osv.sqlite"]);

        CliAssert.ExitCode(2, policy);
        Assert.Contains("--policy: /nonexistent/p.yaml: no such file", policy.Error, StringComparison.Ordinal);
        CliAssert.ExitCode(2, db);
        Assert.Contains("--db: /nonexistent/osv.sqlite: no such file", db.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_policy_file_in_the_working_folder_is_used_and_only_its_policies_run()
    {
        using var work = new TempDirectory();
        await File.WriteAllTextAsync(work.File("strata-policy.yaml"), "policies:\n  non-root-user:\n  max-image-size:\n    size: 1MB\n", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["policy", Multistage, "-f", "json"], workingDirectory: work.Path);

        // multistage: USER 65532:65532, one static binary well under 1 MB.
        CliAssert.ExitCode(0, result);
        var root = JsonDocument.Parse(result.StandardOutputBytes).RootElement;
        Assert.Equal(["non-root-user:pass", "max-image-size:pass"],
            root.GetProperty("policies").EnumerateArray().Select(p => $"{p.GetProperty("name").GetString()}:{p.GetProperty("status").GetString()}"));
        Assert.Equal("A", root.GetProperty("grade").GetString());
    }

    [Fact(Timeout = 120_000)]
    public async Task A_failed_policy_exits_1_or_the_exit_code_given()
    {
        using var work = new TempDirectory();
        await File.WriteAllTextAsync(work.File("strata-policy.yaml"), "policies:\n  non-root-user: {}\n", TestContext.Current.CancellationToken);

        var byDefault = await CliRunner.RunAsync(["policy", Wasteful, "-q"], workingDirectory: work.Path);
        var seven = await CliRunner.RunAsync(["policy", Wasteful, "--exit-code", "7", "-q"], workingDirectory: work.Path);
        var never = await CliRunner.RunAsync(["policy", Wasteful, "--exit-code", "0", "-q"], workingDirectory: work.Path);
        var bad = await CliRunner.RunAsync(["policy", Wasteful, "--exit-code", "256"], workingDirectory: work.Path);

        CliAssert.ExitCode(1, byDefault);
        Assert.Contains("FAIL  non-root-user: the image config sets no User", byDefault.Out, StringComparison.Ordinal);
        CliAssert.ExitCode(7, seven);
        CliAssert.ExitCode(0, never);
        CliAssert.ExitCode(2, bad);
        Assert.Contains("--exit-code: '256' is not a whole number from 0 to 255", bad.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task With_the_shared_advisories_wastefuls_fixable_critical_and_high_vulnerabilities_fail()
    {
        using var work = new TempDirectory();

        var result = await CliRunner.RunAsync(["policy", Wasteful, "--db", database.DbPath, "-f", "json", "-o", "policy.json"], workingDirectory: work.Path);

        CliAssert.ExitCode(1, result);
        var root = JsonDocument.Parse(await File.ReadAllBytesAsync(work.File("policy.json"), TestContext.Current.CancellationToken)).RootElement;
        var fixable = root.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "no-fixable-vulnerabilities");
        Assert.Equal("fail", fixable.GetProperty("status").GetString());
        // The shared advisories: lodash 4.17.15 has CVE-2020-8203 (high, fixed 4.17.20) and CVE-2021-23337 (high, fixed
        // 4.17.21); minimist 1.2.0 has CVE-2021-44906 (critical, fixed 1.2.6). CVE-2020-28500 and CVE-2020-7598 are moderate.
        var ids = fixable.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!.Split(' ')[0]).Order(StringComparer.Ordinal);
        Assert.Equal(["CVE-2020-8203", "CVE-2021-23337", "CVE-2021-44906"], ids);
        var highProfile = root.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "no-high-profile-vulnerabilities");
        Assert.Equal("pass", highProfile.GetProperty("status").GetString());
        Assert.Equal("F", root.GetProperty("grade").GetString());
    }

    [Fact(Timeout = 120_000)]
    public async Task The_table_shows_every_policy_the_grade_and_the_evidence()
    {
        var result = await CliRunner.RunAsync(["policy", Wasteful, "--exit-code", "0"]);

        CliAssert.ExitCode(0, result);
        Assert.Matches(@"Grade [A-F] \(\d+/100\): \d+ passed, \d+ failed, \d+ skipped", result.Out);
        Assert.Contains("FAIL  no-secrets:", result.Out, StringComparison.Ordinal);
        Assert.Contains("A private key in the image: /root/.ssh/id_rsa", result.Out, StringComparison.Ordinal);
        Assert.Contains("SKIP  no-known-vulnerabilities: no vulnerability database", result.Out, StringComparison.Ordinal);
        Assert.Contains("SKIP  base-image-up-to-date: needs --online", result.Out, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task Evidence_from_the_image_reaches_the_terminal_escaped()
    {
        using var work = new TempDirectory();
        const string key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----\n";
        // A file name that would turn the terminal red and clear the screen if printed as it is.
        new OciImageBuilder().Layer(new LayerBuilder().File("keys/\u001b[31m\u001b[2Jid_rsa", key)).WriteOciLayout(work.File("image"));

        var result = await CliRunner.RunAsync(["policy", "oci:" + work.File("image"), "--exit-code", "0"]);

        CliAssert.ExitCode(0, result);
        Assert.Contains("FAIL  no-secrets:", result.Out, StringComparison.Ordinal);
        Assert.Contains("id_rsa", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Out);
    }

    [Fact(Timeout = 120_000)]
    public async Task With_the_dockerfile_secrets_name_their_lines_and_sarif_points_there()
    {
        using var work = new TempDirectory();
        File.Copy(Path.Combine(Fixtures.Shared, "dockerfiles", "wasteful", "Dockerfile"), work.File("Dockerfile"));
        var lines = await File.ReadAllLinesAsync(work.File("Dockerfile"), TestContext.Current.CancellationToken);
        var keyLine = Array.FindIndex(lines, l => l.StartsWith("COPY id_rsa", StringComparison.Ordinal)) + 1;
        var tokenLine = Array.FindIndex(lines, l => l.StartsWith("ENV API_TOKEN", StringComparison.Ordinal)) + 1;

        var table = await CliRunner.RunAsync(["policy", Wasteful, "--dockerfile", "Dockerfile", "-q"], workingDirectory: work.Path);
        var sarif = await CliRunner.RunAsync(["policy", Wasteful, "--dockerfile", "Dockerfile", "-f", "sarif"], workingDirectory: work.Path);

        CliAssert.ExitCode(1, table);
        Assert.Contains($"A private key in the image: /root/.ssh/id_rsa (Dockerfile line {keyLine})", table.Out, StringComparison.Ordinal);
        Assert.Contains($"Secret in the environment: API_TOKEN (Dockerfile line {tokenLine})", table.Out, StringComparison.Ordinal);
        CliAssert.ExitCode(1, sarif);
        var result = JsonDocument.Parse(sarif.StandardOutputBytes).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == "no-secrets");
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("Dockerfile", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Contains(location.GetProperty("region").GetProperty("startLine").GetInt32(), new[] { keyLine, tokenLine });
    }
}
