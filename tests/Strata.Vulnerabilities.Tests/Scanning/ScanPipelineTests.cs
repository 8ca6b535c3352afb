using Strata.Images;
using Strata.Sbom.Model;
using Strata.Vulnerabilities.Matching;
using Strata.Vulnerabilities.Scanning;
using Strata.Vulnerabilities.Severity;
using static Strata.Vulnerabilities.Tests.Scanning.Findings;

namespace Strata.Vulnerabilities.Tests.Scanning;

public sealed class ScanPipelineTests
{
    // Layer 0 is the base image's (base of 1 layer); the application's packages came in layers 2 and 3.
    private static readonly Finding BaseHigh = Finding("CVE-2023-0001", SeverityLevel.High, 7.5, Package("zlib", "1.2.13", 0, "deb"), "1.2.13-2");
    private static readonly Finding AppCritical = Finding("CVE-2021-23337", SeverityLevel.Critical, 9.8, Package("lodash", "4.17.15", 2), "4.17.21");
    private static readonly Finding AppMediumUnfixed = Finding("GHSA-aaaa-bbbb-cccc", SeverityLevel.Medium, 5.3, Package("minimist", "1.2.0", 3));
    private static readonly Finding AppLowFixed = Finding("CVE-2020-7598", SeverityLevel.Low, 3.1, Package("minimist", "1.2.0", 3), "1.2.3");
    private static readonly Finding Unrated = Finding("OSV-2024-1", SeverityLevel.Unknown, null, Package("orphan", "0.1", null));

    private static readonly Finding[] All = [AppLowFixed, Unrated, BaseHigh, AppMediumUnfixed, AppCritical];

    [Fact]
    public void A_finding_is_placed_at_its_packages_first_location_and_marked_base_below_the_base_count()
    {
        var inBase = FindingPlacement.Place(BaseHigh, baseLayers: 1);
        var app = FindingPlacement.Place(AppCritical, baseLayers: 1);
        var noBase = FindingPlacement.Place(BaseHigh, baseLayers: null);
        var nowhere = FindingPlacement.Place(Unrated, baseLayers: 1);

        Assert.Equal(("/app/node_modules/zlib/package.json", 0, "COPY layer0 /", true), (inBase.Path, inBase.LayerIndex, inBase.LayerCommand, inBase.InBaseImage));
        Assert.Equal((2, false), (app.LayerIndex, app.InBaseImage));
        Assert.False(noBase.InBaseImage);
        Assert.Equal((null, null, null, false), (nowhere.Path, nowhere.LayerIndex, nowhere.LayerCommand, nowhere.InBaseImage));
    }

    [Fact]
    public void The_layer_just_past_the_base_is_not_the_bases()
    {
        var placed = FindingPlacement.Place(AppCritical, baseLayers: 2);
        var inside = FindingPlacement.Place(AppCritical, baseLayers: 3);

        Assert.False(placed.InBaseImage);
        Assert.True(inside.InBaseImage);
    }

    [Fact]
    public void A_package_also_copied_by_the_images_own_layer_is_placed_there_and_not_in_base()
    {
        var package = Package("commons-lang3", "3.12.0", 0, "maven") with
        {
            Locations =
            [
                new PackageLocation("/usr/share/java/commons-lang3.jar", 0, "sha256:" + new string('0', 64), "ADD rootfs.tar /"),
                new PackageLocation("/opt/lib/commons-lang3.jar", 11, "sha256:" + new string('b', 64), "COPY commons-lang3.jar /opt/lib/"),
            ],
        };
        var bothInBase = package with { Locations = [package.Locations[0], package.Locations[0] with { Path = "/other.jar" }] };

        var placed = FindingPlacement.Place(Finding("CVE-2025-48924", SeverityLevel.Medium, 5.3, package), baseLayers: 1);
        var allBase = FindingPlacement.Place(Finding("CVE-2025-48924", SeverityLevel.Medium, 5.3, bothInBase), baseLayers: 1);

        Assert.Equal(("/opt/lib/commons-lang3.jar", 11, false), (placed.Path, placed.LayerIndex, placed.InBaseImage));
        Assert.Equal(("/usr/share/java/commons-lang3.jar", 0, true), (allBase.Path, allBase.LayerIndex, allBase.InBaseImage));
    }

    [Fact]
    public void Findings_are_sorted_by_severity_then_score_then_id()
    {
        var lowerScoreHigh = Finding("CVE-2020-0002", SeverityLevel.High, 7.0, Package("a", "1", 2));
        var sameScoreEarlierId = Finding("CVE-2019-0001", SeverityLevel.High, 7.5, Package("b", "1", 2));

        var report = Scanner.Report(Target(1), [.. All, lowerScoreHigh, sameScoreEarlierId], new ScanOptions());

        Assert.Equal(
            ["CVE-2021-23337", "CVE-2019-0001", "CVE-2023-0001", "CVE-2020-0002", "GHSA-aaaa-bbbb-cccc", "CVE-2020-7598", "OSV-2024-1"],
            report.Findings.Select(f => f.Finding.Id));
    }

    [Fact]
    public void Groups_come_highest_severity_first_and_leave_out_empty_ones()
    {
        var report = Scanner.Report(Target(1), [AppLowFixed, AppCritical, Unrated], new ScanOptions());

        var groups = ScanOrder.BySeverity(report.Findings).Select(g => (g.Key, g.Count())).ToList();

        Assert.Equal([(SeverityLevel.Critical, 1), (SeverityLevel.Low, 1), (SeverityLevel.Unknown, 1)], groups);
    }

    [Fact]
    public void Severity_filter_keeps_only_the_named_levels()
    {
        var options = new ScanOptions { Filter = new ScanFilter { Severities = ScanFilter.ParseSeverities("critical,unknown", "--severity") } };

        var report = Scanner.Report(Target(1), All, options);

        Assert.Equal(["CVE-2021-23337", "OSV-2024-1"], report.Findings.Select(f => f.Finding.Id));
    }

    [Fact]
    public void Only_fixed_drops_findings_without_a_fixed_version()
    {
        var report = Scanner.Report(Target(1), All, new ScanOptions { Filter = new ScanFilter { OnlyFixed = true } });

        Assert.Equal(["CVE-2021-23337", "CVE-2023-0001", "CVE-2020-7598"], report.Findings.Select(f => f.Finding.Id));
    }

    [Fact]
    public void Ignore_base_drops_the_base_layers_findings_and_keeps_unplaced_ones()
    {
        var report = Scanner.Report(Target(1), All, new ScanOptions { Filter = new ScanFilter { IgnoreBase = true } });

        Assert.DoesNotContain(report.Findings, f => f.Finding.Id == "CVE-2023-0001");
        Assert.Equal(4, report.Findings.Count);
    }

    [Fact]
    public void Ignore_base_with_no_base_found_keeps_everything()
    {
        var report = Scanner.Report(Target(null), All, new ScanOptions { Filter = new ScanFilter { IgnoreBase = true } });

        Assert.Equal(5, report.Findings.Count);
        Assert.All(report.Findings, f => Assert.False(f.InBaseImage));
    }

    [Fact]
    public void Filters_combine()
    {
        var filter = new ScanFilter { Severities = ScanFilter.ParseSeverities("high,low,medium", "--severity"), OnlyFixed = true, IgnoreBase = true };

        var report = Scanner.Report(Target(1), All, new ScanOptions { Filter = filter });

        Assert.Equal(["CVE-2020-7598"], report.Findings.Select(f => f.Finding.Id));
    }

    [Theory]
    [InlineData("Critical, HIGH", new[] { SeverityLevel.Critical, SeverityLevel.High })]
    [InlineData("low", new[] { SeverityLevel.Low })]
    [InlineData("unknown,medium,medium", new[] { SeverityLevel.Unknown, SeverityLevel.Medium })]
    public void Severity_lists_are_read_in_any_case(string list, SeverityLevel[] expected)
    {
        Assert.Equal(expected.Order(), ScanFilter.ParseSeverities(list, "--severity").Order());
    }

    [Theory]
    [InlineData("severe", "'severe'")]
    [InlineData("high,", "''")]
    [InlineData("moderate", "'moderate'")]
    public void An_unknown_severity_names_the_option_the_word_and_the_choices(string list, string quoted)
    {
        var error = Assert.Throws<StrataException>(() => ScanFilter.ParseSeverities(list, "--severity"));

        Assert.StartsWith("--severity: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(quoted, error.Message, StringComparison.Ordinal);
        Assert.Contains("critical, high, medium, low, unknown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Suppressed_findings_stay_in_the_report_but_not_among_the_active()
    {
        var suppressed = FindingPlacement.Place(AppCritical, 1) with { Suppression = new Suppression("not_affected", "vulnerable_code_not_in_execute_path", null, "app.vex.json") };
        var open = FindingPlacement.Place(AppLowFixed, 1);

        var report = new ScanReport(Target(1), [suppressed, open]);

        Assert.Equal(2, report.Findings.Count);
        Assert.Equal(["CVE-2020-7598"], report.Active.Select(f => f.Finding.Id));
    }
}
