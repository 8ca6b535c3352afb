using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>
/// strata scan end to end: the real wasteful image, a database imported with strata db import, the real matcher.
/// The layers are known from wasteful's Dockerfile: 0 is the Debian base (FROM scratch, ADD, CMD bash), 8 copies
/// node_modules (lodash 4.17.15, minimist 1.2.0), 9 the Go binary (Go 1.19.8), 10 the .NET app (Newtonsoft.Json).
/// </summary>
public sealed class ScanCommandTests(ScanDatabase database) : IClassFixture<ScanDatabase>
{
    private static readonly string Wasteful = $"oci:{Fixtures.OciLayout}:wasteful";

    private async Task<(CliResult Result, JsonElement Root)> ScanJsonAsync(params string[] options)
    {
        var result = await CliRunner.RunAsync(["scan", Wasteful, "--db", database.DbPath, "--format", "json", .. options]);
        TestContext.Current.TestOutputHelper?.WriteLine(result.Error);
        return (result, result.ExitCode == 0 || result.StandardOutput.Length > 0 ? JsonDocument.Parse(result.StandardOutput).RootElement.Clone() : default);
    }

    private static List<JsonElement> Findings(JsonElement root) => root.GetProperty("findings").EnumerateArray().ToList();

    private static bool Is(JsonElement finding, string purlPrefix) =>
        finding.GetProperty("purl").GetString()!.StartsWith(purlPrefix, StringComparison.Ordinal);

    [Fact(Timeout = 180_000)]
    public async Task Wasteful_shows_the_language_advisories_each_at_the_layer_that_copied_it()
    {
        var (result, root) = await ScanJsonAsync();

        CliAssert.ExitCode(0, result);
        Assert.Equal(["image", "findings"], root.EnumerateObject().Select(p => p.Name));
        var baseImage = root.GetProperty("image").GetProperty("baseImage");
        Assert.Equal((1, "history"), (baseImage.GetProperty("layers").GetInt32(), baseImage.GetProperty("source").GetString()));
        var findings = Findings(root);
        var lodash = findings.Where(f => Is(f, "pkg:npm/lodash@4.17.15")).ToList();
        Assert.NotEmpty(lodash);
        Assert.All(lodash, f =>
        {
            Assert.Equal(8, f.GetProperty("layerIndex").GetInt32());
            Assert.Contains("node_modules", f.GetProperty("layerCommand").GetString(), StringComparison.Ordinal);
            Assert.False(f.GetProperty("inBaseImage").GetBoolean());
            Assert.StartsWith("/app/node_modules/lodash/", f.GetProperty("path").GetString(), StringComparison.Ordinal);
        });
        Assert.Contains(findings, f => Is(f, "pkg:npm/minimist@1.2.0") && f.GetProperty("layerIndex").GetInt32() == 8);
        Assert.Contains(findings, f => Is(f, "pkg:golang/stdlib@") && f.GetProperty("layerIndex").GetInt32() == 9);
        Assert.Contains(findings, f => Is(f, "pkg:nuget/Newtonsoft.Json@") && f.GetProperty("layerIndex").GetInt32() == 10);
        string[] fields = ["id", "aliases", "package", "version", "purl", "fixedVersions", "severity", "score", "path", "layerIndex", "layerCommand", "inBaseImage", "suppressed"];
        Assert.All(findings, f => Assert.All(fields, name => Assert.True(f.TryGetProperty(name, out _), $"{f.GetProperty("id")} has no '{name}'")));
        Assert.All(findings, f => Assert.DoesNotContain(f.GetProperty("version").GetString(), f.GetProperty("fixedVersions").EnumerateArray().Select(v => v.GetString())));
    }

    [Fact(Timeout = 180_000)]
    public async Task The_base_images_apt_is_marked_in_base_and_ignore_base_drops_it()
    {
        var (all, allRoot) = await ScanJsonAsync();
        var (ignored, ignoredRoot) = await ScanJsonAsync("--ignore-base");

        CliAssert.ExitCode(0, all);
        CliAssert.ExitCode(0, ignored);
        // apt's source package builds apt and libapt-pkg6.0: both are matched by the source name.
        var apt = Findings(allRoot).Where(IsAptAdvisory).ToList();
        Assert.Equal(["apt", "libapt-pkg6.0"], apt.Select(f => f.GetProperty("package").GetString()).Order());
        Assert.All(apt, f => Assert.Equal((0, true), (f.GetProperty("layerIndex").GetInt32(), f.GetProperty("inBaseImage").GetBoolean())));
        Assert.All(Findings(allRoot).Except(apt), f => Assert.False(f.GetProperty("inBaseImage").GetBoolean()));
        Assert.DoesNotContain(Findings(ignoredRoot), IsAptAdvisory);
        Assert.Equal(Findings(allRoot).Count - apt.Count, Findings(ignoredRoot).Count);
    }

    private static bool IsAptAdvisory(JsonElement finding) =>
        finding.GetProperty("id").GetString() == "CVE-2011-3374"
        || finding.GetProperty("aliases").EnumerateArray().Any(a => a.GetString() == "CVE-2011-3374");

    [Fact(Timeout = 180_000)]
    public async Task Only_fixed_drops_the_unfixed_apt_finding()
    {
        var (result, root) = await ScanJsonAsync("--only-fixed");

        CliAssert.ExitCode(0, result);
        Assert.DoesNotContain(Findings(root), IsAptAdvisory);
        Assert.All(Findings(root), f => Assert.NotEqual(0, f.GetProperty("fixedVersions").GetArrayLength()));
        Assert.Contains(Findings(root), f => Is(f, "pkg:npm/lodash@"));
    }

    [Fact(Timeout = 180_000)]
    public async Task Exit_code_is_n_when_findings_remain_and_0_when_the_filters_leave_none()
    {
        var remain = await CliRunner.RunAsync(["scan", Wasteful, "--db", database.DbPath, "--exit-code", "3", "-q"]);
        // Every one of wasteful's 13 layers declared the base's: --ignore-base leaves nothing.
        var none = await CliRunner.RunAsync(["scan", Wasteful, "--db", database.DbPath, "--exit-code", "3", "--base-layers", "13", "--ignore-base", "-q"]);

        CliAssert.ExitCode(3, remain);
        CliAssert.ExitCode(0, none);
        Assert.Contains("lodash", remain.Out, StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task Base_layers_past_the_last_layer_names_the_option()
    {
        var result = await CliRunner.RunAsync(["scan", Wasteful, "--db", database.DbPath, "--base-layers", "14"]);

        BadInputAssert.Rejected(result, "--base-layers", "14", "13 layers");
    }

    [Fact(Timeout = 180_000)]
    public async Task The_table_groups_by_severity_and_marks_base_layers()
    {
        var result = await CliRunner.RunAsync(["scan", Wasteful, "--db", database.DbPath], new Dictionary<string, string> { ["NO_COLOR"] = "1" });

        CliAssert.ExitCode(0, result);
        Assert.Contains("base image: 1 layer, from history", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^(CRITICAL|HIGH|MEDIUM|LOW|UNKNOWN) \(\d+\)$", result.Out);
        Assert.Matches(@"(?m)^\S*CVE-2011-3374\s+apt\s.*\s0 \(base\)\s", result.Out);
        Assert.DoesNotContain("\x1b[", result.Out, StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task Markdown_is_a_table_for_a_pull_request()
    {
        using var work = new TempDirectory();

        var result = await CliRunner.RunAsync(["scan", Wasteful, "--db", database.DbPath, "-f", "markdown", "-o", "scan.md"], workingDirectory: work.Path);

        CliAssert.ExitCode(0, result);
        var markdown = await File.ReadAllTextAsync(work.File("scan.md"), TestContext.Current.CancellationToken);
        Assert.Contains("| Severity | ID | Package | Version | Fixed in | Layer | Base image |", markdown, StringComparison.Ordinal);
        Assert.Contains("| lodash | 4\\.17\\.15 |", markdown, StringComparison.Ordinal);
        // The layer as its Dockerfile line: buildah's "/bin/sh -c #(nop) COPY dir:…" shown as "COPY dir:…".
        Assert.Contains("| 8: COPY dir\\:c90247110182", markdown, StringComparison.Ordinal);
    }

    /// <summary>Strata's own SBOM keeps each package's layer, so scanning it places findings as scanning the image does.</summary>
    [Fact(Timeout = 180_000)]
    public async Task An_sbom_file_is_scanned_with_its_layer_facts()
    {
        using var work = new TempDirectory();
        var sbom = await CliRunner.RunAsync(["sbom", Wasteful, "-f", "cyclonedx-json", "-o", "sbom.json"], workingDirectory: work.Path);
        CliAssert.ExitCode(0, sbom);

        var result = await CliRunner.RunAsync(["scan", "sbom:sbom.json", "--db", database.DbPath, "-f", "json"], workingDirectory: work.Path);

        CliAssert.ExitCode(0, result);
        var findings = Findings(JsonDocument.Parse(result.StandardOutput).RootElement);
        var lodash = findings.First(f => Is(f, "pkg:npm/lodash@4.17.15"));
        Assert.Equal(8, lodash.GetProperty("layerIndex").GetInt32());
        Assert.Contains(findings, f => Is(f, "pkg:golang/stdlib@"));
    }

    /// <summary>
    /// A hand-built image whose OCI labels name its base (with a terminal escape in the name): layer 0 (ADD, then the
    /// base's CMD) brought minimist 1.2.0, layer 1 (the app's COPY) lodash 4.17.15.
    /// </summary>
    [Fact(Timeout = 180_000)]
    public async Task Labels_name_the_base_and_the_history_counts_it_and_the_name_is_shown_safely()
    {
        using var work = new TempDirectory();
        const string hostileName = "registry.example/base\u001b[2J:1";
        new OciImageBuilder
        {
            EditConfig = config =>
            {
                config["config"] = new JsonObject { ["Labels"] = new JsonObject { ["org.opencontainers.image.base.name"] = hostileName } };
                config["history"] = new JsonArray(
                    new JsonObject { ["created_by"] = "ADD rootfs.tar / # buildkit" },
                    new JsonObject { ["created_by"] = "CMD [\"sh\"]", ["empty_layer"] = true },
                    new JsonObject { ["created_by"] = "COPY node_modules /app/node_modules # buildkit" },
                    new JsonObject { ["created_by"] = "CMD [\"node\", \"app.js\"]", ["empty_layer"] = true });
            },
        }
            .Layer(new LayerBuilder().File("usr/lib/node_modules/minimist/package.json", """{"name":"minimist","version":"1.2.0"}"""))
            .Layer(new LayerBuilder().File("app/node_modules/lodash/package.json", """{"name":"lodash","version":"4.17.15"}"""))
            .WriteOciLayout(work.Path);

        var table = await CliRunner.RunAsync(["scan", "oci:" + work.Path, "--db", database.DbPath]);
        var json = await CliRunner.RunAsync(["scan", "oci:" + work.Path, "--db", database.DbPath, "-f", "json"]);

        CliAssert.ExitCode(0, table);
        CliAssert.ExitCode(0, json);
        Assert.DoesNotContain("\u001b", table.Out, StringComparison.Ordinal);
        Assert.Contains(@"base image: registry.example/base\x1b[2J:1 (1 layer, from labels)", table.Out, StringComparison.Ordinal);
        var root = JsonDocument.Parse(json.StandardOutput).RootElement;
        var baseImage = root.GetProperty("image").GetProperty("baseImage");
        Assert.Equal((hostileName, 1, "labels"),
            (baseImage.GetProperty("name").GetString(), baseImage.GetProperty("layers").GetInt32(), baseImage.GetProperty("source").GetString()));
        var findings = Findings(root);
        Assert.Contains(findings, f => Is(f, "pkg:npm/minimist@1.2.0") && f.GetProperty("inBaseImage").GetBoolean() && f.GetProperty("layerIndex").GetInt32() == 0);
        Assert.Contains(findings, f => Is(f, "pkg:npm/lodash@4.17.15") && !f.GetProperty("inBaseImage").GetBoolean() && f.GetProperty("layerIndex").GetInt32() == 1);
    }

    /// <summary>An image of one layer holding lodash 4.17.15, which the shared advisories name in three CVEs.</summary>
    private static string LodashImage(TempDirectory work)
    {
        var layout = Path.Combine(work.Path, "image");
        new OciImageBuilder()
            .Layer(new LayerBuilder().File("app/node_modules/lodash/package.json", """{"name":"lodash","version":"4.17.15"}"""), "COPY node_modules /app/node_modules # buildkit")
            .WriteOciLayout(layout);
        return "oci:" + layout;
    }

    private static readonly string[] LodashCves = ["CVE-2020-8203", "CVE-2020-28500", "CVE-2021-23337"];

    private static string Vex(params string[] cves) => new JsonObject
    {
        ["@context"] = "https://openvex.dev/ns/v0.2.0",
        ["@id"] = "https://example.test/vex/1",
        ["author"] = "strata tests",
        ["timestamp"] = "2024-01-01T00:00:00Z",
        ["version"] = 1,
        ["statements"] = new JsonArray(cves.Select(cve => (JsonNode)new JsonObject
        {
            ["vulnerability"] = new JsonObject { ["name"] = cve },
            ["products"] = new JsonArray(new JsonObject { ["@id"] = "pkg:npm/lodash@4.17.15" }),
            ["status"] = "not_affected",
            ["justification"] = "vulnerable_code_not_in_execute_path",
        }).ToArray()),
    }.ToJsonString();

    [Fact(Timeout = 180_000)]
    public async Task Findings_vex_suppresses_stay_in_json_only_and_do_not_count_for_the_exit_code()
    {
        using var work = new TempDirectory();
        var image = LodashImage(work);
        await File.WriteAllTextAsync(work.File("all.vex.json"), Vex(LodashCves), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(work.File("one.vex.json"), Vex("CVE-2021-23337"), TestContext.Current.CancellationToken);

        var none = await CliRunner.RunAsync(["scan", image, "--db", database.DbPath, "--vex", "all.vex.json", "--exit-code", "5"], workingDirectory: work.Path);
        var some = await CliRunner.RunAsync(["scan", image, "--db", database.DbPath, "--vex", "one.vex.json", "--exit-code", "5", "-f", "json"], workingDirectory: work.Path);

        CliAssert.ExitCode(0, none);
        Assert.Contains("No vulnerabilities found (3 suppressed by VEX)", none.Out, StringComparison.Ordinal);
        CliAssert.ExitCode(5, some);
        var findings = Findings(JsonDocument.Parse(some.StandardOutput).RootElement);
        Assert.Equal(LodashCves.Order(), findings.Select(f => f.GetProperty("id").GetString()).Order());
        var suppressed = Assert.Single(findings, f => f.GetProperty("suppressed").GetBoolean());
        Assert.Equal(("CVE-2021-23337", "vulnerable_code_not_in_execute_path"),
            (suppressed.GetProperty("id").GetString(), suppressed.GetProperty("justification").GetString()));
    }

    [Fact(Timeout = 180_000)]
    public async Task Sarif_is_written_for_the_findings_at_the_dockerfile_when_given()
    {
        using var work = new TempDirectory();
        var image = LodashImage(work);
        await File.WriteAllTextAsync(work.File("Dockerfile"), "FROM scratch\nCOPY node_modules /app/node_modules\n", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["scan", image, "--db", database.DbPath, "-f", "sarif", "--dockerfile", work.File("Dockerfile"), "-o", "scan.sarif"], workingDirectory: work.Path);

        CliAssert.ExitCode(0, result);
        var sarif = JsonDocument.Parse(await File.ReadAllBytesAsync(work.File("scan.sarif"), TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("2.1.0", sarif.GetProperty("version").GetString());
        var results = sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(LodashCves.Order(), results.Select(r => r.GetProperty("ruleId").GetString()).Order());
        // Given as an absolute path under the working folder, the location is relative to that folder, as code scanning
        // resolves it against the repository's root.
        Assert.All(results, r => Assert.Equal("Dockerfile",
            r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
    }
}
