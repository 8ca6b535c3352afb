using Strata.TestKit;
using Strata.Vulnerabilities.Osv;
using Strata.Vulnerabilities.Severity;

namespace Strata.Vulnerabilities.Tests.Severity;

public sealed class SeverityAssessorTests
{
    private const string V4Critical = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"; // 9.3
    private const string V4High = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N"; // 8.7
    private const string V3Medium = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L"; // 5.3
    private const string V3Critical = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"; // 9.8
    private const string V2 = "AV:N/AC:L/Au:N/C:P/I:P/A:P";

    [Fact]
    public void The_affected_entrys_own_v4_vector_comes_first()
    {
        var (record, affected) = Record(
            recordSeverity: [new("CVSS_V3", V3Critical), new("CVSS_V4", V4Critical)],
            affectedSeverity: [new("CVSS_V4", V4High)],
            databaseSeverity: "LOW");

        Assert.Equal(new SeverityRating(SeverityLevel.High, 8.7, V4High, "CVSS_V4"), SeverityAssessor.Assess(record, affected));
    }

    [Fact]
    public void The_records_v4_vector_wins_over_any_v3_vector()
    {
        var (record, affected) = Record(
            recordSeverity: [new("CVSS_V3", V3Medium), new("CVSS_V4", V4Critical)],
            affectedSeverity: [new("CVSS_V3", V3Critical)]);

        Assert.Equal(new SeverityRating(SeverityLevel.Critical, 9.3, V4Critical, "CVSS_V4"), SeverityAssessor.Assess(record, affected));
    }

    [Fact]
    public void An_invalid_v4_vector_falls_back_to_v3()
    {
        var (record, affected) = Record(
            recordSeverity: [new("CVSS_V4", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N"), new("CVSS_V3", V3Medium)],
            databaseSeverity: "CRITICAL");

        Assert.Equal(new SeverityRating(SeverityLevel.Medium, 5.3, V3Medium, "CVSS_V3"), SeverityAssessor.Assess(record, affected));
    }

    [Fact]
    public void The_affected_entrys_v3_vector_comes_before_the_records()
    {
        var (record, affected) = Record(recordSeverity: [new("CVSS_V3", V3Critical)], affectedSeverity: [new("CVSS_V3", V3Medium)]);

        Assert.Equal(5.3, SeverityAssessor.Assess(record, affected).Score);
    }

    [Fact]
    public void A_version_3_0_vector_is_scored()
    {
        var vector = "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H";
        var (record, affected) = Record(recordSeverity: [new("CVSS_V3", vector)]);

        Assert.Equal(new SeverityRating(SeverityLevel.Critical, 10.0, vector, "CVSS_V3"), SeverityAssessor.Assess(record, affected));
    }

    [Fact]
    public void A_vector_filed_under_the_wrong_type_is_not_scored()
    {
        var (record, affected) = Record(recordSeverity: [new("CVSS_V4", V3Critical), new("CVSS_V3", V4Critical)], databaseSeverity: "LOW");

        Assert.Equal(new SeverityRating(SeverityLevel.Low, null, null, "GHSA"), SeverityAssessor.Assess(record, affected));
    }

    [Fact]
    public void A_record_with_only_a_CVSS_v2_vector_falls_back_to_GHSAs_rating()
    {
        var (record, affected) = Record(recordSeverity: [new("CVSS_V2", V2)], databaseSeverity: "HIGH");

        Assert.Equal(new SeverityRating(SeverityLevel.High, null, null, "GHSA"), SeverityAssessor.Assess(record, affected));
    }

    [Fact]
    public void A_record_with_only_a_CVSS_v2_vector_and_no_rating_is_unknown()
    {
        var (record, affected) = Record(recordSeverity: [new("CVSS_V2", V2)]);

        Assert.Equal(SeverityRating.Unknown, SeverityAssessor.Assess(record, affected));
    }

    [Theory]
    [InlineData("CRITICAL", SeverityLevel.Critical)]
    [InlineData("HIGH", SeverityLevel.High)]
    [InlineData("MODERATE", SeverityLevel.Medium)]
    [InlineData("LOW", SeverityLevel.Low)]
    public void GHSAs_rating_decides_without_a_vector(string rating, SeverityLevel expected)
    {
        var (record, affected) = Record(databaseSeverity: rating, ecosystem: "npm", distroSeverity: "critical");

        Assert.Equal(new SeverityRating(expected, null, null, "GHSA"), SeverityAssessor.Assess(record, affected));
    }

    [Theory]
    // Debian's security tracker urgencies.
    [InlineData("Debian:12", "unimportant", SeverityLevel.Low, "Debian")]
    [InlineData("Debian:12", "low", SeverityLevel.Low, "Debian")]
    [InlineData("Debian:12", "medium", SeverityLevel.Medium, "Debian")]
    [InlineData("Debian:12", "high", SeverityLevel.High, "Debian")]
    [InlineData("Debian:11", "low**", SeverityLevel.Low, "Debian")]
    // Ubuntu's priorities.
    [InlineData("Ubuntu:22.04:LTS", "negligible", SeverityLevel.Low, "Ubuntu")]
    [InlineData("Ubuntu:22.04:LTS", "critical", SeverityLevel.Critical, "Ubuntu")]
    // Red Hat's and SUSE's impacts.
    [InlineData("Red Hat:enterprise_linux:9", "Low", SeverityLevel.Low, "Red Hat")]
    [InlineData("Red Hat:enterprise_linux:9", "Moderate", SeverityLevel.Medium, "Red Hat")]
    [InlineData("Red Hat:enterprise_linux:9", "Important", SeverityLevel.High, "Red Hat")]
    [InlineData("Red Hat:enterprise_linux:9", "Critical", SeverityLevel.Critical, "Red Hat")]
    [InlineData("SUSE:Linux Enterprise Server 15 SP5", "moderate", SeverityLevel.Medium, "SUSE")]
    [InlineData("SUSE:Linux Enterprise Server 15 SP5", "important", SeverityLevel.High, "SUSE")]
    public void The_distributions_rating_decides_without_a_vector_or_GHSA_rating(string ecosystem, string rating, SeverityLevel expected, string source)
    {
        var (record, affected) = Record(ecosystem: ecosystem, distroSeverity: rating, recordSeverity: [new("CVSS_V2", V2)]);

        Assert.Equal(new SeverityRating(expected, null, null, source), SeverityAssessor.Assess(record, affected));
    }

    [Theory]
    [InlineData("not yet assigned")]
    [InlineData("end-of-life")]
    [InlineData("untriaged")]
    [InlineData("")]
    [InlineData("severe")]
    public void A_rating_that_names_no_level_leaves_the_severity_unknown(string rating)
    {
        var (record, affected) = Record(ecosystem: "Debian:12", distroSeverity: rating, databaseSeverity: rating);

        Assert.Equal(SeverityRating.Unknown, SeverityAssessor.Assess(record, affected));
    }

    [Fact]
    public void An_Ubuntu_severity_entry_is_the_distributions_rating()
    {
        var (record, affected) = Record(ecosystem: "Ubuntu:22.04:LTS", recordSeverity: [new("Ubuntu", "medium")]);

        Assert.Equal(new SeverityRating(SeverityLevel.Medium, null, null, "Ubuntu"), SeverityAssessor.Assess(record, affected));
    }

    [Fact]
    public void A_CVSS_vector_wins_over_the_Ubuntu_rating_beside_it()
    {
        var (record, affected) = Record(ecosystem: "Ubuntu:22.04:LTS", recordSeverity: [new("Ubuntu", "negligible"), new("CVSS_V3", V3Critical)]);

        Assert.Equal(new SeverityRating(SeverityLevel.Critical, 9.8, V3Critical, "CVSS_V3"), SeverityAssessor.Assess(record, affected));
    }

    [Fact]
    public void A_zero_score_is_rated_low_and_keeps_its_score()
    {
        var vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N";
        var (record, affected) = Record(recordSeverity: [new("CVSS_V3", vector)], databaseSeverity: "HIGH");

        Assert.Equal(new SeverityRating(SeverityLevel.Low, 0.0, vector, "CVSS_V3"), SeverityAssessor.Assess(record, affected));
    }

    [Fact]
    public void Nothing_to_go_by_is_unknown()
    {
        var (record, affected) = Record();

        Assert.Equal(new SeverityRating(SeverityLevel.Unknown, null, null, "none"), SeverityAssessor.Assess(record, affected));
    }

    [Theory]
    // The vectors' CVEs have these NVD base scores; GHSA-5crp-9r3c-p9vr has no vector and GitHub rates it LOW;
    // the Debian DSA, Go and PyPI records carry no severity at all.
    [InlineData("GHSA-29mw-wpgm-hmr9.json", SeverityLevel.Medium, 5.3, "CVSS_V3")]
    [InlineData("GHSA-35jh-r3h4-6jhm.json", SeverityLevel.High, 7.2, "CVSS_V3")]
    [InlineData("GHSA-9wx4-h78v-vm56.json", SeverityLevel.Medium, 5.6, "CVSS_V3")]
    [InlineData("GHSA-j8r2-6x86-q33q.json", SeverityLevel.Medium, 6.1, "CVSS_V3")]
    [InlineData("GHSA-jf85-cpcp-j695.json", SeverityLevel.Critical, 9.1, "CVSS_V3")]
    [InlineData("GHSA-p6mc-m468-83gw.json", SeverityLevel.High, 7.4, "CVSS_V3")]
    [InlineData("GHSA-vh95-rmgr-6w4m.json", SeverityLevel.Medium, 5.6, "CVSS_V3")]
    [InlineData("GHSA-xvch-5gv4-984h.json", SeverityLevel.Critical, 9.8, "CVSS_V3")]
    [InlineData("GHSA-5crp-9r3c-p9vr.json", SeverityLevel.Low, null, "GHSA")]
    [InlineData("DSA-3029-1.json", SeverityLevel.Unknown, null, "none")]
    [InlineData("GO-2023-1753.json", SeverityLevel.Unknown, null, "none")]
    [InlineData("PYSEC-2023-74.json", SeverityLevel.Unknown, null, "none")]
    public void Rates_the_real_advisories(string file, SeverityLevel level, double? score, string source)
    {
        var path = Path.Combine(Fixtures.Shared, "advisories", file);
        var record = OsvParser.Parse(File.ReadAllBytes(path), path);

        foreach (var affected in record.Affected)
        {
            var rating = SeverityAssessor.Assess(record, affected);
            Assert.Equal((level, score, source), (rating.Level, rating.Score, rating.Source));
        }
    }

    private static (OsvRecord Record, OsvAffected Affected) Record(
        OsvSeverity[]? recordSeverity = null,
        OsvSeverity[]? affectedSeverity = null,
        string? databaseSeverity = null,
        string ecosystem = "npm",
        string? distroSeverity = null)
    {
        var affected = new OsvAffected
        {
            Package = new OsvPackage(ecosystem, "example", null),
            Severity = affectedSeverity ?? [],
            DistroSeverity = distroSeverity,
        };
        var record = new OsvRecord
        {
            Id = "TEST-1",
            Severity = recordSeverity ?? [],
            Affected = [affected],
            DatabaseSeverity = databaseSeverity,
        };
        return (record, affected);
    }
}
