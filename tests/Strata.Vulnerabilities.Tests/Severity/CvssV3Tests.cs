using Strata.Vulnerabilities.Severity;

namespace Strata.Vulnerabilities.Tests.Severity;

public sealed class CvssV3Tests
{
    [Theory]
    // NVD's published CVSS v3.1 base scores.
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0)] // CVE-2021-44228, Log4Shell
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5)] // CVE-2014-0160, Heartbleed
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8)] // CVE-2014-6271, Shellshock (and CVE-2021-44906, minimist)
    [InlineData("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8)] // CVE-2016-5195, Dirty COW
    [InlineData("CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:C/C:H/I:N/A:N", 5.6)] // CVE-2017-5754, Meltdown
    [InlineData("CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H", 8.6)] // CVE-2019-5736, runc
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5)] // CVE-2023-44487, HTTP/2 Rapid Reset
    // Worked examples of FIRST's CVSS v3.1 examples document.
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1)] // CVE-2013-1937, phpMyAdmin XSS
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", 6.4)] // CVE-2013-0375, MySQL
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N", 3.1)] // CVE-2014-3566, POODLE
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9)] // CVE-2012-1516, VMware guest to host
    [InlineData("CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L", 4.2)] // CVE-2009-0783, Apache Tomcat
    [InlineData("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 6.8)] // CVE-2014-2005, Sophos disk encryption
    // The vectors of the real advisories in ../shared/fixtures/advisories, with their CVE's NVD base score.
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L", 5.3)] // CVE-2020-28500, lodash
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", 7.2)] // CVE-2021-23337, lodash
    [InlineData("CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:H/I:H/A:N", 5.6)] // CVE-2024-35195, requests
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N", 6.1)] // CVE-2023-32681, requests
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H", 9.1)] // CVE-2019-10744, lodash
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H", 7.4)] // CVE-2020-8203, lodash
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L", 5.6)] // CVE-2020-7598, minimist
    public void Computes_published_base_scores(string vector, double expected)
    {
        Assert.Equal(expected, CvssV3.BaseScore(vector));
    }

    [Theory]
    // Scope changed raises the privileges weights (L 0.68, H 0.5) and uses the changed-scope impact; FIRST's calculator.
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H", 9.1)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", 7.2)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N", 5.8)] // CVE-2010-0467, FIRST's examples
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:L/A:N", 5.8)] // CVE-2012-1342, FIRST's examples
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N", 6.8)] // CVE-2008-1447, DNS cache poisoning
    public void Scope_changed_uses_its_own_weights(string vector, double expected)
    {
        Assert.Equal(expected, CvssV3.BaseScore(vector));
    }

    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:N")]
    public void No_impact_scores_zero(string vector)
    {
        Assert.Equal(0.0, CvssV3.BaseScore(vector));
    }

    [Fact]
    public void Temporal_and_environmental_metrics_do_not_change_the_base_score()
    {
        // Base 9.8 (Shellshock); E:U, RL:O and low requirements would lower the temporal and environmental scores.
        Assert.Equal(9.8, CvssV3.BaseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:R/CR:L/IR:L/AR:L/MAV:P/MS:C/MC:N"));
    }

    [Fact]
    public void Metrics_may_come_in_any_order()
    {
        // v3.1 section 6 allows any order; FIRST's v3.0 calculator scores this vector 3.8.
        Assert.Equal(3.8, CvssV3.BaseScore("CVSS:3.0/S:U/AV:N/AC:L/PR:H/UI:N/C:L/I:L/A:N/E:F/RL:X"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CVSS:3.1/")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H")] // A missing
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H")] // S missing
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:L")] // A twice
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/E:P")] // E twice, even with the same value
    [InlineData("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")] // X is not a base value
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:Z")] // no such value
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:H")] // no such metric
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/")] // empty component
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A")] // no value
    [InlineData("CVSS:3.1/av:n/ac:l/pr:n/ui:n/s:u/c:h/i:h/a:h")] // values are upper case
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:HH")]
    [InlineData("CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")] // unknown version
    [InlineData("AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")] // no prefix
    [InlineData("AV:N/AC:L/Au:N/C:P/I:P/A:P")] // a CVSS v2 vector
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H CVSS:3.1/AV:N")]
    public void An_invalid_vector_has_no_score(string? vector)
    {
        Assert.Null(CvssV3.BaseScore(vector));
    }

    [Fact]
    public void Version_3_0_vectors_are_scored_with_the_same_base_formulas()
    {
        Assert.Equal(10.0, CvssV3.BaseScore("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"));
        Assert.Equal(6.1, CvssV3.BaseScore("CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"));
        Assert.Equal(3.1, CvssV3.BaseScore("CVSS:3.0/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N"));
    }

    [Theory]
    // The definition of both versions: the smallest one-decimal number not below the input (4.02 -> 4.1, 4.00 -> 4.0).
    [InlineData(4.02, 4.1, 4.1)]
    [InlineData(4.0, 4.0, 4.0)]
    [InlineData(9.99, 10.0, 10.0)]
    // A float just above 4.0 from arithmetic error: v3.0's plain ceiling gives 4.1; v3.1's Roundup (appendix A) gives 4.0.
    [InlineData(4.000000000000001, 4.1, 4.0)]
    [InlineData(0.1 + 0.2, 0.4, 0.3)]
    [InlineData(2.0000000000000004, 2.1, 2.0)]
    public void Version_3_1_rounds_away_float_error_that_version_3_0_rounds_up(double raw, double roundup30, double roundup31)
    {
        Assert.Equal(roundup30, CvssV3.Roundup30(raw));
        Assert.Equal(roundup31, CvssV3.Roundup31(raw));
    }
}
