using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Strata.Policy.Assessment;
using Strata.Policy.Policies;
using Strata.Policy.Policies.Output;
using Strata.Policy.Tests.Policies;
using Strata.TestKit;
using Strata.Vulnerabilities.Tests.Reports;

namespace Strata.Policy.Tests.Output;

/// <summary>The json form the issue specifies (checked by a JSON Schema written from it), SARIF 2.1.0 against the official schema, and Markdown.</summary>
public sealed class PolicyOutputTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    private (ImageAssessment Assessment, PolicyReport Report) Judged()
    {
        var assessment = HandImage.Simple(work, new JsonObject { ["Env"] = new JsonArray("GITHUB_TOKEN=ghp_" + new string('a', 36)) });
        return (assessment, PolicyEvaluator.Evaluate(assessment, PolicySet.Default));
    }

    [Fact]
    public void Json_has_the_image_the_grade_and_each_policy_with_status_reason_and_evidence()
    {
        var (assessment, report) = Judged();
        using var output = new MemoryStream();

        PolicyJsonWriter.Write(assessment, report, output);

        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "policy-report.schema.json")));
        using var document = JsonDocument.Parse(output.ToArray());
        var validation = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(validation.IsValid, string.Join('\n', (validation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        var root = document.RootElement;
        Assert.Equal(["image", "grade", "policies"], root.EnumerateObject().Select(p => p.Name));
        var policies = root.GetProperty("policies").EnumerateArray().ToList();
        Assert.Equal(PolicySet.Default.Policies.Count, policies.Count);
        // Root (no User), a token in the environment, no base label: 100 - 15 - 30 - 10 = 45, a D; no database: skipped.
        Assert.Equal("D", root.GetProperty("grade").GetString());
        var secrets = Assert.Single(policies, p => p.GetProperty("name").GetString() == "no-secrets");
        Assert.Equal("fail", secrets.GetProperty("status").GetString());
        Assert.Contains("GITHUB_TOKEN", secrets.GetProperty("evidence")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("skip", Assert.Single(policies, p => p.GetProperty("name").GetString() == "no-known-vulnerabilities").GetProperty("status").GetString());
        Assert.Equal(assessment.Analysis.ConfigDigest.ToString(), root.GetProperty("image").GetProperty("configDigest").GetString());
    }

    [Fact]
    public void Sarif_is_valid_2_1_0_with_a_result_per_failed_policy()
    {
        var (assessment, report) = Judged();
        using var output = new MemoryStream();

        PolicySarifWriter.Write(assessment, report, PolicySet.Default.Policies, output, "1.2.3");

        SarifSchema.AssertValid(output.ToArray());
        var run = JsonDocument.Parse(output.ToArray()).RootElement.GetProperty("runs")[0];
        var failed = report.Policies.Where(p => p.Status == PolicyStatus.Fail).Select(p => p.Name).ToList();
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(failed, results.Select(r => r.GetProperty("ruleId").GetString()));
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(PolicySet.Default.Policies.Select(p => p.Name), rules);
        Assert.All(results, r => Assert.Equal(rules[r.GetProperty("ruleIndex").GetInt32()], r.GetProperty("ruleId").GetString()));
    }

    [Fact]
    public void The_sarif_location_is_a_relative_uri_without_transport_tag_or_digest()
    {
        Assert.Equal("registry.example.com/team/app", PolicySarifWriter.ImageUri("registry.example.com/team/app:1.0@sha256:abcd"));
        Assert.Equal("tmp/layout", PolicySarifWriter.ImageUri("oci:/tmp/layout:latest"));
        Assert.Equal("localhost%3A5000/app", PolicySarifWriter.ImageUri("localhost:5000/app"));
    }

    [Fact]
    public void Markdown_has_the_grade_and_a_row_per_policy()
    {
        var (assessment, report) = Judged();
        using var output = new MemoryStream();

        PolicyMarkdownWriter.Write(assessment, report, output);

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n');
        Assert.Contains("grade D (45/100)", lines[0], StringComparison.Ordinal);
        Assert.Equal(PolicySet.Default.Policies.Count, lines.Count(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Policy", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("| no-secrets | ❌ FAIL |", StringComparison.Ordinal));
    }
}
