using System.Globalization;
using System.Text.Json;
using Strata.TestKit;
using Strata.Vulnerabilities.Reports;
using Strata.Vulnerabilities.Scanning;
using Strata.Vulnerabilities.Severity;
using Strata.Vulnerabilities.Tests.Vex;

namespace Strata.Vulnerabilities.Tests.Reports;

/// <summary>
/// SARIF for GitHub code scanning: valid against the official 2.1.0 schema, and what GitHub's "SARIF support for code
/// scanning" asks beyond it: every result's ruleId among the rules, one rule per vulnerability with help and a
/// security-severity GitHub can parse, a relative artifact URI and a start line of at least 1, stable fingerprints.
/// </summary>
public sealed class SarifWriterTests
{
    private static readonly SeverityRating Critical = new(SeverityLevel.Critical, 9.8, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS_V3");
    private static readonly SeverityRating HighNoScore = new(SeverityLevel.High, null, null, "GHSA");
    private static readonly SeverityRating Medium = new(SeverityLevel.Medium, 5.3, null, "CVSS_V3");

    /// <summary>Two packages share one vulnerability; one finding is suppressed by VEX; one has no known severity.</summary>
    private static ScanReport Report => new(Findings.Image,
    [
        Findings.Of("CVE-2021-44906", "pkg:npm/minimist@1.2.0", "minimist", "1.2.0", ["GHSA-xvch-5gv4-984h"], Critical, ["1.2.6"], 8,
            "/bin/sh -c #(nop) COPY dir:c90247110182cdf9794c89b564759c499a91b96a56d2c31d67f00a33f0b9f2b2 in /app/node_modules/ ", summary: "Prototype Pollution in minimist"),
        Findings.Of("CVE-2021-44906", "pkg:npm/minimist@0.0.8", "minimist", "0.0.8", ["GHSA-xvch-5gv4-984h"], Critical, ["0.2.4", "1.2.6"], 8,
            "/bin/sh -c #(nop) COPY dir:c90247110182cdf9794c89b564759c499a91b96a56d2c31d67f00a33f0b9f2b2 in /app/node_modules/ ", summary: "Prototype Pollution in minimist"),
        Findings.Of("GHSA-29mw-wpgm-hmr9", "pkg:npm/lodash@4.17.15", "lodash", "4.17.15", ["CVE-2020-28500"], HighNoScore, ["4.17.21"], 8,
            "/bin/sh -c #(nop) COPY dir:c90247110182cdf9794c89b564759c499a91b96a56d2c31d67f00a33f0b9f2b2 in /app/node_modules/ "),
        Findings.Of("CVE-2023-4911", "pkg:deb/debian/libc6@2.36-9%2Bdeb12u1?arch=amd64&distro=debian-12", "libc6", "2.36-9+deb12u1", null, Medium, [], 0,
            "/bin/sh -c #(nop) ADD file:fe45196869346d80e1cefc80b6078b28595dcee43cdc8ca953bfeed710105d9c in / ", inBase: true),
        Findings.Of("CVE-2024-0001", "pkg:deb/debian/python3-requests@2.28.1%2Bdfsg-1?arch=all&distro=debian-12", "python3-requests", "2.28.1+dfsg-1", null, null, [], 2,
            "/bin/sh -c apt-get install -y python3 python3-requests ca-certificates"),
        Findings.Of("CVE-2021-23337", "pkg:npm/lodash@4.17.15", "lodash", "4.17.15", null, Critical, ["4.17.21"], 8, null)
            with { Suppression = new Suppression("not_affected", "vulnerable_code_not_in_execute_path", null, "vex.json") },
    ]);

    private static (string, string) WastefulDockerfile => ("fixtures/wasteful/Dockerfile", File.ReadAllText(Path.Combine(Fixtures.Shared, "dockerfiles", "wasteful", "Dockerfile")));

    [Fact]
    public void The_log_is_valid_SARIF_2_1_0_with_and_without_a_dockerfile()
    {
        SarifSchema.AssertValid(Write(Report, null));
        SarifSchema.AssertValid(Write(Report, WastefulDockerfile));
        SarifSchema.AssertValid(Write(new ScanReport(Findings.Image, []), null));
    }

    [Fact]
    public void The_schema_check_itself_rejects_a_result_without_a_message()
    {
        var bad = """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"a"}]}]}"""u8.ToArray();
        Assert.NotEmpty(SarifSchema.Errors(bad));
    }

    [Fact]
    public void There_is_one_rule_per_vulnerability_and_every_result_names_one()
    {
        using var sarif = JsonDocument.Parse(Write(Report, null));
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var ids = rules.Select(r => r.GetProperty("id").GetString()!).ToList();
        var results = run.GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(["CVE-2021-44906", "CVE-2023-4911", "CVE-2024-0001", "GHSA-29mw-wpgm-hmr9"], ids.Order(StringComparer.Ordinal));
        Assert.Equal(5, results.Count); // the suppressed CVE-2021-23337 is left out, and has no rule
        Assert.All(results, r =>
        {
            var ruleId = r.GetProperty("ruleId").GetString()!;
            Assert.Contains(ruleId, ids);
            Assert.Equal(ids.IndexOf(ruleId), r.GetProperty("ruleIndex").GetInt32());
        });
        Assert.Equal(2, results.Count(r => r.GetProperty("ruleId").GetString() == "CVE-2021-44906"));
    }

    [Fact]
    public void Every_rule_has_help_a_parseable_security_severity_and_the_security_tag()
    {
        using var sarif = JsonDocument.Parse(Write(Report, null));
        var driver = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.Equal("strata", driver.GetProperty("name").GetString());
        Assert.Equal("9.9.9", driver.GetProperty("version").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);

        Assert.All(rules.Values, rule =>
        {
            var score = double.Parse(rule.GetProperty("properties").GetProperty("security-severity").GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.InRange(score, 0.0, 10.0);
            Assert.NotEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()!);
            Assert.NotEmpty(rule.GetProperty("fullDescription").GetProperty("text").GetString()!);
            Assert.NotEmpty(rule.GetProperty("help").GetProperty("text").GetString()!);
            Assert.NotEmpty(rule.GetProperty("help").GetProperty("markdown").GetString()!);
            Assert.True(Uri.IsWellFormedUriString(rule.GetProperty("helpUri").GetString(), UriKind.Absolute));
            Assert.Contains("security", rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        });
        // The CVSS score where there is one; GitHub's bands otherwise (high is 7.0-8.9; unknown is none at all).
        Assert.Equal("9.8", Severity(rules["CVE-2021-44906"]));
        Assert.Equal("5.3", Severity(rules["CVE-2023-4911"]));
        Assert.InRange(double.Parse(Severity(rules["GHSA-29mw-wpgm-hmr9"]), CultureInfo.InvariantCulture), 7.0, 8.9);
        Assert.Equal("0.0", Severity(rules["CVE-2024-0001"]));
        Assert.Equal("Prototype Pollution in minimist", rules["CVE-2021-44906"].GetProperty("shortDescription").GetProperty("text").GetString());
        var help = rules["CVE-2021-44906"].GetProperty("help").GetProperty("markdown").GetString()!;
        Assert.Contains("| minimist | 1.2.0 | 1.2.6 |", help, StringComparison.Ordinal);
        Assert.Contains("| minimist | 0.0.8 | 0.2.4, 1.2.6 |", help, StringComparison.Ordinal);
        Assert.Contains("GHSA-xvch-5gv4-984h", help, StringComparison.Ordinal);

        static string Severity(JsonElement rule) => rule.GetProperty("properties").GetProperty("security-severity").GetString()!;
    }

    [Fact]
    public void Results_carry_level_message_and_the_image_as_location_without_a_dockerfile()
    {
        using var sarif = JsonDocument.Parse(Write(Report, null));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(["error", "error", "error", "warning", "note"], results.Select(r => r.GetProperty("level").GetString()));
        var message = results[0].GetProperty("message").GetProperty("text").GetString()!;
        Assert.Contains("minimist 1.2.0", message, StringComparison.Ordinal);
        Assert.Contains("fixed in 1.2.6", message, StringComparison.Ordinal);
        Assert.Contains("no fixed version", results[3].GetProperty("message").GetProperty("text").GetString()!, StringComparison.Ordinal);
        Assert.All(results, r =>
        {
            var physical = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("registry.example.com/team/app", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal(1, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        });
    }

    [Fact]
    public void With_the_wasteful_dockerfile_each_result_points_at_the_line_that_brought_its_package()
    {
        using var sarif = JsonDocument.Parse(Write(Report, WastefulDockerfile));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();

        // Lines read off ../shared/fixtures/dockerfiles/wasteful/Dockerfile: 1 FROM, 3 RUN apt-get install …, 9 COPY node_modules/ /app/node_modules/.
        Assert.Equal([9, 9, 9, 1, 3], results.Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()));
        Assert.All(results, r => Assert.Equal("fixtures/wasteful/Dockerfile",
            r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
    }

    [Fact]
    public void Fingerprints_are_stable_across_runs_and_dockerfile_edits_and_differ_between_findings()
    {
        var (path, text) = WastefulDockerfile;
        var first = Fingerprints(Write(Report, (path, text)));
        var again = Fingerprints(Write(Report, (path, text)));
        var edited = Fingerprints(Write(Report, (path, "# a comment and a blank line first\n\n" + text)));

        Assert.Equal(first, again);
        Assert.Equal(first, edited);
        Assert.Equal(first.Count, first.Distinct(StringComparer.Ordinal).Count());
        Assert.All(first, f => Assert.Matches("^[0-9a-f]{64}$", f));
    }

    [Theory]
    [InlineData("registry.example.com/team/app:1.0", "registry.example.com/team/app")]
    [InlineData("localhost:5000/app@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "localhost%3A5000/app")]
    [InlineData("alpine:3.20", "alpine")]
    [InlineData("oci:/tmp/layout:wasteful", "tmp/layout")]
    [InlineData("docker-archive:/tmp/my image.tar", "tmp/my%20image.tar")]
    public void The_image_location_is_a_relative_uri_github_can_show(string image, string expected)
    {
        using var sarif = JsonDocument.Parse(Write(new ScanReport(Findings.Image with { Name = image }, [Findings.Lodash]), null));
        var uri = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0]
            .GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;

        Assert.Equal(expected, uri);
        Assert.True(Uri.TryCreate(uri, UriKind.Relative, out _));
    }

    private static List<string> Fingerprints(byte[] json)
    {
        using var sarif = JsonDocument.Parse(json);
        return sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("partialFingerprints").GetProperty(SarifWriter.FingerprintKey).GetString()!).ToList();
    }

    private static byte[] Write(ScanReport report, (string Path, string Text)? dockerfile)
    {
        using var stream = new MemoryStream();
        SarifWriter.Write(report, stream, "9.9.9", dockerfile);
        return stream.ToArray();
    }
}
