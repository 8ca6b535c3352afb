using System.Text.Json;
using Strata.Dockerfile.Lint;
using Strata.Dockerfile.Rules;
using Strata.Dockerfile.Syntax;
using Strata.TestKit;
using Strata.Vulnerabilities.Tests.Reports;

namespace Strata.Dockerfile.Tests.Lint;

/// <summary>Lint's SARIF: valid against the official 2.1.0 schema, one rule per Strata ID with help, results at their lines.</summary>
public sealed class LintSarifWriterTests
{
    private static IReadOnlyList<Strata.Dockerfile.Advice.Advice> Wasteful() =>
        DockerfileLinter.Lint(DockerfileDocument.Load(Path.Combine(Fixtures.Shared, "dockerfiles", "wasteful", "Dockerfile"))).Select(f => f.Advice).ToList();

    private static byte[] Write(IReadOnlyList<Strata.Dockerfile.Advice.Advice> findings)
    {
        var stream = new MemoryStream();
        LintSarifWriter.Write(findings, stream, "9.9.9", "fixtures/wasteful/Dockerfile");
        return stream.ToArray();
    }

    [Fact]
    public void The_log_is_valid_SARIF_2_1_0_with_and_without_findings()
    {
        SarifSchema.AssertValid(Write(Wasteful()));
        SarifSchema.AssertValid(Write([]));
    }

    [Fact]
    public void Every_rule_is_listed_once_with_help_and_every_result_points_at_its_rule_and_line()
    {
        var findings = Wasteful();
        using var sarif = JsonDocument.Parse(Write(findings));
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var ids = rules.Select(r => r.GetProperty("id").GetString()!).ToList();

        Assert.Equal(DockerfileRules.All.Select(r => r.Id), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(rules, r => Assert.NotEmpty(r.GetProperty("help").GetProperty("text").GetString()!));
        Assert.Equal("DL3009", rules[ids.IndexOf("STR1001")].GetProperty("properties").GetProperty("hadolint").GetString());

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(findings.Count, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            Assert.Equal(findings[i].Id, result.GetProperty("ruleId").GetString());
            Assert.Equal(findings[i].Id, ids[result.GetProperty("ruleIndex").GetInt32()]);
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("fixtures/wasteful/Dockerfile", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal(findings[i].Line, location.GetProperty("region").GetProperty("startLine").GetInt32());
        }
        var secret = results.Single(r => r.GetProperty("ruleId").GetString() == "STR2004");
        Assert.Equal("error", secret.GetProperty("level").GetString());
        Assert.Equal(14, secret.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }
}
