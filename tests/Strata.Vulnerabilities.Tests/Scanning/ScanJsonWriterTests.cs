using System.Text.Json;
using Strata.Sbom.Model;
using Strata.Vulnerabilities.Scanning;
using Strata.Vulnerabilities.Severity;
using static Strata.Vulnerabilities.Tests.Scanning.Findings;

namespace Strata.Vulnerabilities.Tests.Scanning;

public sealed class ScanJsonWriterTests
{
    private static JsonElement Write(ScanReport report)
    {
        using var stream = new MemoryStream();
        ScanJsonWriter.Write(report, stream);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    [Fact]
    public void The_document_is_the_image_and_the_findings_with_the_issues_field_names()
    {
        var lodash = Finding("CVE-2021-23337", SeverityLevel.High, 7.2, Package("lodash", "4.17.15", 8, createdBy: "/bin/sh -c #(nop) COPY dir:abc in /app/node_modules/ "), "4.17.21")
            with { Aliases = ["GHSA-35jh-r3h4-6jhm"], Summary = "Command injection in lodash" };
        var report = Scanner.Report(Findings.Target(1) with { Os = new OsInfo("debian", "12", "Debian GNU/Linux 12 (bookworm)", "bookworm") }, [lodash], new ScanOptions());

        var root = Write(report);

        Assert.Equal(["image", "findings"], root.EnumerateObject().Select(p => p.Name));
        var image = root.GetProperty("image");
        Assert.Equal("fixture/app:1", image.GetProperty("name").GetString());
        Assert.Equal("debian", image.GetProperty("os").GetProperty("id").GetString());
        Assert.Equal(1, image.GetProperty("baseImage").GetProperty("layers").GetInt32());
        var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
        var names = finding.EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] required = ["id", "aliases", "package", "version", "purl", "fixedVersions", "severity", "score", "path", "layerIndex", "layerCommand", "inBaseImage", "suppressed"];
        Assert.All(required, name => Assert.Contains(name, names));
        Assert.DoesNotContain("justification", names);
        Assert.Equal("CVE-2021-23337", finding.GetProperty("id").GetString());
        Assert.Equal(["GHSA-35jh-r3h4-6jhm"], finding.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("lodash", finding.GetProperty("package").GetString());
        Assert.Equal("4.17.15", finding.GetProperty("version").GetString());
        Assert.Equal("pkg:npm/lodash@4.17.15", finding.GetProperty("purl").GetString());
        Assert.Equal(["4.17.21"], finding.GetProperty("fixedVersions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("high", finding.GetProperty("severity").GetString());
        Assert.Equal(7.2, finding.GetProperty("score").GetDouble());
        Assert.Equal("/app/node_modules/lodash/package.json", finding.GetProperty("path").GetString());
        Assert.Equal(8, finding.GetProperty("layerIndex").GetInt32());
        Assert.Equal("/bin/sh -c #(nop) COPY dir:abc in /app/node_modules/ ", finding.GetProperty("layerCommand").GetString());
        Assert.False(finding.GetProperty("inBaseImage").GetBoolean());
        Assert.False(finding.GetProperty("suppressed").GetBoolean());
        Assert.Equal("Command injection in lodash", finding.GetProperty("summary").GetString());
    }

    [Fact]
    public void A_suppressed_finding_is_listed_with_its_justification()
    {
        var placed = FindingPlacement.Place(Finding("CVE-2020-7598", SeverityLevel.Medium, 5.6, Package("minimist", "1.2.0", 9), "1.2.3"), 1)
            with { Suppression = new Suppression("not_affected", "vulnerable_code_not_in_execute_path", "only used at build time", "vex.json") };

        var finding = Write(new ScanReport(Findings.Target(1), [placed])).GetProperty("findings")[0];

        Assert.True(finding.GetProperty("suppressed").GetBoolean());
        Assert.Equal("vulnerable_code_not_in_execute_path", finding.GetProperty("justification").GetString());
    }

    [Fact]
    public void Missing_score_layer_and_base_are_nulls_not_zeros()
    {
        var placed = FindingPlacement.Place(Finding("OSV-2024-1", SeverityLevel.Unknown, null, Package("orphan", "0.1", null)), null);

        var root = Write(new ScanReport(Findings.Target(null), [placed]));

        var finding = root.GetProperty("findings")[0];
        Assert.Equal(JsonValueKind.Null, finding.GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Null, finding.GetProperty("layerIndex").ValueKind);
        Assert.Equal(JsonValueKind.Null, finding.GetProperty("path").ValueKind);
        Assert.Equal("unknown", finding.GetProperty("severity").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("image").GetProperty("baseImage").GetProperty("layers").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("image").GetProperty("os").ValueKind);
    }

    [Fact]
    public void Image_text_is_written_exactly_with_control_characters_escaped_by_json()
    {
        var placed = FindingPlacement.Place(Finding("CVE-1", SeverityLevel.Low, 1.0, Package("evil\u001b[31m", "1+deb12u1", 1, createdBy: "RUN a\nb")), 0);

        using var stream = new MemoryStream();
        ScanJsonWriter.Write(new ScanReport(Findings.Target(0), [placed]), stream);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());

        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("1+deb12u1", text, StringComparison.Ordinal);
        var finding = JsonDocument.Parse(text).RootElement.GetProperty("findings")[0];
        Assert.Equal("evil\u001b[31m", finding.GetProperty("package").GetString());
        Assert.Equal("RUN a\nb", finding.GetProperty("layerCommand").GetString());
    }
}
