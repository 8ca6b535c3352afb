using System.Text;
using Strata.TestKit;

namespace Strata.Cli.Tests.Compare;

/// <summary>
/// --exit-on on two small hand-built images: "small" (one file) and "grown" (the same layer, then a layer that adds
/// a 64 KiB file and a dpkg database with one package). From small to grown the size grew and a package was added;
/// the other way round both got better.
/// </summary>
public sealed class CompareExitOnTests : IDisposable
{
    private readonly TempDirectory _scratch = new();
    private readonly string _small;
    private readonly string _grown;

    public CompareExitOnTests()
    {
        var baseLayer = new LayerBuilder().Directory("etc").File("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n");
        _small = "oci:" + new OciImageBuilder().Layer(baseLayer, "ADD base /").WriteOciLayout(_scratch.File("small"));
        var status = "Package: hello\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2.10-3\nMaintainer: Nobody <nobody@example.org>\nDescription: hello\n\n";
        var random = new byte[64 * 1024];
        new Random(13).NextBytes(random);
        _grown = "oci:" + new OciImageBuilder()
            .Layer(baseLayer, "ADD base /")
            .Layer(new LayerBuilder()
                .Directory("var").Directory("var/lib").Directory("var/lib/dpkg")
                .File("var/lib/dpkg/status", status)
                .File("etc/big.bin", random), "RUN apt-get install -y hello")
            .WriteOciLayout(_scratch.File("grown"));
    }

    public void Dispose() => _scratch.Dispose();

    /// <summary>An empty cache folder: no default vulnerability database, whatever the machine has.</summary>
    private Task<CliResult> RunAsync(params string[] args) =>
        CliRunner.RunAsync(args, new Dictionary<string, string> { ["STRATA_CACHE_DIR"] = _scratch.File("cache") });

    [Theory]
    [InlineData("size")]
    [InlineData("package")]
    [InlineData("size,package,policy")]
    public async Task A_kind_that_got_worse_exits_1_and_says_so(string kinds)
    {
        var result = await RunAsync(["compare", _small, _grown, "--exit-on", kinds, "-q"]);

        CliAssert.ExitCode(1, result);
        Assert.Contains(kinds.Split(',')[0] + " got worse", result.Error, StringComparison.Ordinal);
        Assert.Contains("Packages: 1 added, 0 removed, 0 upgraded, 0 downgraded", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("size")]
    [InlineData("package")]
    [InlineData("size,package")]
    public async Task Kinds_that_got_better_exit_0(string kinds)
    {
        var result = await RunAsync(["compare", _grown, _small, "--exit-on", kinds, "-q"]);

        CliAssert.ExitCode(0, result);
        Assert.Equal("", result.Error);
        Assert.Contains("Packages: 0 added, 1 removed, 0 upgraded, 0 downgraded", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_exit_on_a_worse_image_still_exits_0_and_the_json_names_what_got_worse()
    {
        var result = await RunAsync(["compare", _small, _grown, "--format", "json"]);

        CliAssert.ExitCode(0, result);
        Assert.Contains("\"worse\": [\n    \"size\",\n    \"package\"\n  ]", result.StandardOutput.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_against_itself_shares_every_layer_and_nothing_got_worse()
    {
        var result = await RunAsync(["compare", _grown, _grown, "--exit-on", "size,package,policy", "--format", "json"]);

        CliAssert.ExitCode(0, result);
        using var json = System.Text.Json.JsonDocument.Parse(result.StandardOutputBytes);
        var layers = json.RootElement.GetProperty("layers");
        Assert.Equal(2, layers.GetProperty("shared").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, layers.GetProperty("firstDifferent").ValueKind);
        Assert.Empty(json.RootElement.GetProperty("worse").EnumerateArray());
        Assert.Empty(json.RootElement.GetProperty("files").GetProperty("changed").EnumerateArray());
    }

    /// <summary>The policy file allows 40 kB uncompressed: small's layer tar is a few kB, grown adds 64 KiB of random bytes.</summary>
    [Fact]
    public async Task A_policy_that_fails_only_on_the_second_image_is_a_changed_verdict_and_fails_exit_on_policy()
    {
        var policyFile = _scratch.File("strata-policy.yaml");
        File.WriteAllText(policyFile, "policies:\n  max-image-size:\n    size: 40kB\n");

        var worse = await RunAsync(["compare", _small, _grown, "--policy", policyFile, "--exit-on", "policy", "--format", "json"]);
        var better = await RunAsync(["compare", _grown, _small, "--policy", policyFile, "--exit-on", "policy", "--format", "json"]);

        CliAssert.ExitCode(1, worse);
        Assert.Contains("policy got worse", worse.Error, StringComparison.Ordinal);
        CompareJsonSchema.AssertValid(worse.StandardOutputBytes);
        using var json = System.Text.Json.JsonDocument.Parse(worse.StandardOutputBytes);
        var change = Assert.Single(json.RootElement.GetProperty("policies").GetProperty("changed").EnumerateArray());
        Assert.Equal(("max-image-size", "pass", "fail"), (change.GetProperty("name").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));
        CliAssert.ExitCode(0, better);
    }

    [Theory]
    [InlineData("sizes", "--exit-on: 'sizes' is not one of size, package, vulnerability, policy")]
    [InlineData("size,licence", "--exit-on: 'licence' is not one of size, package, vulnerability, policy")]
    [InlineData("vulnerability", "--exit-on vulnerability: no vulnerability database to compare with")]
    public async Task A_bad_kind_or_vulnerability_without_a_database_exits_2_naming_it(string kinds, string message)
    {
        var result = await RunAsync(["compare", _small, _grown, "--exit-on", kinds]);

        CliAssert.ExitCode(2, result);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Both_images_from_standard_input_exit_2()
    {
        var result = await RunAsync(["compare", "-", "-"]);

        CliAssert.ExitCode(2, result);
        Assert.Contains("IMAGE2: standard input is already IMAGE", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_image_that_does_not_exist_is_named_IMAGE2()
    {
        var missing = _scratch.File("missing");
        var result = await RunAsync(["compare", _small, "oci:" + missing]);

        CliAssert.ExitCode(2, result);
        Assert.Contains($"IMAGE2 'oci:{missing}': '{missing}' does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_exits_2_naming_it()
    {
        var result = await RunAsync(["compare", _small, _grown, "--db", _scratch.File("none.sqlite")]);

        CliAssert.ExitCode(2, result);
        Assert.Contains("--db: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("none.sqlite: no such file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_names_both_images_and_the_added_package()
    {
        var result = await RunAsync(["compare", _small, _grown, "--format", "markdown"]);

        CliAssert.ExitCode(0, result);
        var text = Encoding.UTF8.GetString(result.StandardOutputBytes);
        Assert.Contains("**Packages:** 1 added, 0 removed, 0 upgraded, 0 downgraded", text, StringComparison.Ordinal);
        Assert.Contains("| hello | dpkg | added |  | 2\\.10\\-3 |", text, StringComparison.Ordinal);
        Assert.Contains("**Vulnerabilities:** not compared", text, StringComparison.Ordinal);
    }
}
