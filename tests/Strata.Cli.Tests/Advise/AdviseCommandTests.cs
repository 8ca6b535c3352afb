using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests.Advise;

/// <summary>
/// strata advise on the shared images. The lines are worked out by hand from
/// ../shared/fixtures/dockerfiles/wasteful/Dockerfile: 1 FROM, 2 RUN apt-get update, 5 RUN chmod -R 755 /app,
/// 6 COPY big.bin, 7 RUN sha256sum … && rm /tmp/big.bin, 8 RUN rm -rf /var/lib/apt/lists/*, 13 COPY id_rsa,
/// 14 ENV API_TOKEN; layer 0 is the base, then one layer per RUN/COPY (layer 7 is line 8, layer 12 is line 13).
/// </summary>
public sealed class AdviseCommandTests
{
    private static readonly string Wasteful = $"oci:{Fixtures.OciLayout}:wasteful";
    private static readonly string WastefulDockerfile = Path.Combine(Fixtures.Shared, "dockerfiles", "wasteful", "Dockerfile");

    private static async Task<(CliResult Result, List<JsonElement> Findings)> AdviseJsonAsync(string image, params string[] options)
    {
        var result = await CliRunner.RunAsync(["advise", image, "--format", "json", .. options]);
        CliAssert.ExitCode(0, result);
        using var json = JsonDocument.Parse(result.StandardOutput);
        return (result, json.RootElement.EnumerateArray().Select(f => f.Clone()).ToList());
    }

    private static string? Text(JsonElement finding, string name) => finding.GetProperty(name).ValueKind == JsonValueKind.Null ? null : finding.GetProperty(name).GetString();

    private static int? Number(JsonElement finding, string name) => finding.GetProperty(name).ValueKind == JsonValueKind.Null ? null : finding.GetProperty(name).GetInt32();

    private static long? Bytes(JsonElement finding) => finding.GetProperty("bytes").ValueKind == JsonValueKind.Null ? null : finding.GetProperty("bytes").GetInt64();

    private static List<string> Paths(JsonElement finding) => finding.GetProperty("paths").EnumerateArray().Select(p => p.GetString()!).ToList();

    [Fact(Timeout = 180_000)]
    public async Task Wasteful_gets_each_known_mistake_with_its_bytes_layer_and_line()
    {
        var (result, findings) = await AdviseJsonAsync(Wasteful, "--dockerfile", WastefulDockerfile);

        // apt lists: stored by layer 1 (RUN apt-get update), deleted by layer 7 (line 8). Their bytes, read from layer 1's tar.
        var aptLists = LayoutLayer.Files("wasteful", 1).Where(f => f.Key.StartsWith("/var/lib/apt/lists/", StringComparison.Ordinal)).ToList();
        var lists = findings.Single(f => Text(f, "id") == "STR3003" && Number(f, "layerIndex") == 7);
        Assert.Equal(8, Number(lists, "line"));
        Assert.Equal(aptLists.Sum(f => f.Value), Bytes(lists));
        Assert.Equal(aptLists.Where(f => f.Value > 0).Select(f => f.Key).Order(StringComparer.Ordinal), Paths(lists).Order(StringComparer.Ordinal));
        Assert.Contains("apt lists", Text(lists, "title"), StringComparison.Ordinal);

        var bigBin = findings.Single(f => Paths(f).Contains("/tmp/big.bin"));
        Assert.Equal(("STR3003", 5_000_000L, 6, 7), (Text(bigBin, "id"), Bytes(bigBin), Number(bigBin, "layerIndex"), Number(bigBin, "line")));

        var chmod = findings.Single(f => Text(f, "id") == "STR3004");
        Assert.Equal((4, 5), (Number(chmod, "layerIndex"), Number(chmod, "line")));
        Assert.Contains("/app/app.py", Paths(chmod));
        Assert.Equal(LayoutLayer.Files("wasteful", 3).Values.Sum(), Bytes(chmod));

        var root = findings.Single(f => Text(f, "id") == "STR3101");
        Assert.Equal("DL3002", Text(root, "hadolint"));

        var token = findings.Single(f => Text(f, "id") == "STR3102");
        Assert.Contains("API_TOKEN", Text(token, "title"), StringComparison.Ordinal);
        Assert.Equal(14, Number(token, "line"));
        Assert.DoesNotContain("not-a-real-token", result.StandardOutput, StringComparison.Ordinal);

        var key = findings.Single(f => Text(f, "id") == "STR3103");
        Assert.Equal((12, 13, "/root/.ssh/id_rsa"), (Number(key, "layerIndex"), Number(key, "line"), Paths(key).Single()));
        Assert.DoesNotContain("BEGIN OPENSSH PRIVATE KEY-----\n", result.StandardOutput, StringComparison.Ordinal);

        // The base is Debian 12 (os-release) in one layer; debian's slim variant is smaller.
        var slimmer = findings.Single(f => Text(f, "id") == "STR3008");
        Assert.Equal(1, Number(slimmer, "line"));
        Assert.Contains("FROM debian:12-slim", Text(slimmer, "fix"), StringComparison.Ordinal);
        Assert.True(Bytes(slimmer) > 0);
    }

    [Fact(Timeout = 180_000)]
    public async Task Every_finding_has_exactly_the_shared_json_fields()
    {
        var (_, findings) = await AdviseJsonAsync(Wasteful);

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(["id", "hadolint", "severity", "title", "message", "line", "layerIndex", "bytes", "paths", "fix"], f.EnumerateObject().Select(p => p.Name)));
        // Without --dockerfile there is no line to name.
        Assert.All(findings, f => Assert.Equal(JsonValueKind.Null, f.GetProperty("line").ValueKind));
        Assert.All(findings, f => Assert.Contains(Text(f, "severity"), new[] { "info", "warning", "error" }));
    }

    [Fact(Timeout = 180_000)]
    public async Task Multistage_gets_no_size_advice_at_all()
    {
        var (_, findings) = await AdviseJsonAsync($"oci:{Fixtures.OciLayout}:multistage");

        Assert.DoesNotContain(findings, f => Text(f, "id")!.StartsWith("STR30", StringComparison.Ordinal));
        // It runs as 65532, holds no secret: nothing on safety either.
        Assert.Empty(findings);
    }

    [Fact(Timeout = 180_000)]
    public async Task The_table_groups_size_and_safety_and_ends_with_the_total()
    {
        var (_, findings) = await AdviseJsonAsync(Wasteful);
        var result = await CliRunner.RunAsync(["advise", Wasteful, "--dockerfile", WastefulDockerfile], new Dictionary<string, string> { ["NO_COLOR"] = "1" });

        CliAssert.ExitCode(0, result);
        var size = result.Out.IndexOf("SIZE (", StringComparison.Ordinal);
        var safety = result.Out.IndexOf("SAFETY (", StringComparison.Ordinal);
        Assert.True(size >= 0 && safety > size, result.Out);
        Assert.DoesNotContain("\u001b[", result.Out, StringComparison.Ordinal);
        var fileBytes = findings.Where(f => Text(f, "id")!.StartsWith("STR30", StringComparison.Ordinal) && Text(f, "id") != "STR3008").Sum(f => Bytes(f) ?? 0);
        Assert.Contains($"Estimated savings: {Rendering.HumanSize.Format(fileBytes)} of stored files", result.Out, StringComparison.Ordinal);
        Assert.Contains("fix: ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_to_a_file_writes_the_json_there()
    {
        using var folder = new TempDirectory();
        var result = await CliRunner.RunAsync(["advise", $"oci:{Fixtures.OciLayout}:multistage", "-f", "json", "-o", "advice.json"], workingDirectory: folder.Path);

        CliAssert.ExitCode(0, result);
        Assert.Equal("[]", File.ReadAllText(folder.File("advice.json")).Trim());
        Assert.Empty(result.StandardOutputBytes);
    }

    [Theory]
    [InlineData("--format", "sarif", "--format: 'sarif' is not one of table, json")]
    [InlineData("--dockerfile", "no/such/Dockerfile", "--dockerfile")]
    public async Task A_bad_option_value_is_a_one_line_error_and_exit_2(string option, string value, string expected)
    {
        var result = await CliRunner.RunAsync(["advise", $"oci:{Fixtures.OciLayout}:multistage", option, value]);

        CliAssert.ExitCode(2, result);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_is_refused()
    {
        var result = await CliRunner.RunAsync(["advise", $"oci:{Fixtures.OciLayout}:multistage", "--fixit"]);

        CliAssert.ExitCode(2, result);
        Assert.Contains("--fixit", result.Error, StringComparison.Ordinal);
    }
}
