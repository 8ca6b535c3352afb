using Strata.Vulnerabilities.Scanning;
using Strata.Vulnerabilities.Vex;

namespace Strata.Vulnerabilities.Tests.Vex;

/// <summary>
/// Which findings an OpenVEX statement suppresses. The expectations follow the OpenVEX specification: not_affected
/// and fixed suppress, affected and under_investigation do not; the latest statement on a vulnerability and product
/// holds; products are purls (a less specific one covers more) or the image with subcomponents.
/// </summary>
public sealed class VexFilterTests : IDisposable
{
    private readonly VexFiles files = new();

    public void Dispose() => files.Dispose();

    private IReadOnlyList<ScanFinding> Apply(string statements, params ScanFinding[] findings) =>
        VexFilter.Apply(findings, [files.Load(statements)], Findings.Image);

    [Fact]
    public void Not_affected_suppresses_with_its_justification_and_leaves_other_findings_alone()
    {
        var result = Apply("""
            {"vulnerability": {"name": "CVE-2021-23337"}, "products": [{"@id": "pkg:npm/lodash@4.17.15"}],
             "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path", "impact_statement": "template() is never called"}
            """, Findings.Lodash, Findings.Libc);

        var suppression = result[0].Suppression;
        Assert.NotNull(suppression);
        Assert.Equal(("not_affected", "vulnerable_code_not_in_execute_path", "template() is never called"), (suppression.Status, suppression.Justification, suppression.ImpactStatement));
        Assert.EndsWith(".json", suppression.Document, StringComparison.Ordinal);
        Assert.Null(result[1].Suppression);
    }

    [Theory]
    [InlineData("fixed", true)]
    [InlineData("affected", false)]
    [InlineData("under_investigation", false)]
    public void Only_fixed_and_not_affected_suppress(string status, bool suppressed)
    {
        var result = Apply($$"""{"vulnerability": "CVE-2021-23337", "products": ["pkg:npm/lodash@4.17.15"], "status": "{{status}}"}""", Findings.Lodash);

        Assert.Equal(suppressed, result[0].Suppression is not null);
    }

    [Theory]
    [InlineData("""{"name": "GHSA-35jh-r3h4-6jhm"}""")] // the statement names the finding's alias
    [InlineData("""{"name": "SNYK-JS-LODASH-1040724", "aliases": ["cve-2021-23337"]}""")] // the statement's alias is the finding's ID, in another case
    public void The_vulnerability_matches_by_id_or_alias_on_either_side(string vulnerability)
    {
        var result = Apply($$"""{"vulnerability": {{vulnerability}}, "products": ["pkg:npm/lodash@4.17.15"], "status": "fixed"}""", Findings.Lodash);

        Assert.NotNull(result[0].Suppression);
    }

    [Theory]
    [InlineData("pkg:npm/lodash", true)] // no version: every version
    [InlineData("pkg:npm/lodash@4.17.15", true)]
    [InlineData("pkg:npm/lodash@4.17.21", false)]
    [InlineData("pkg:npm/lodash-es@4.17.15", false)]
    [InlineData("pkg:pypi/lodash@4.17.15", false)]
    [InlineData("pkg:deb/debian/libc6@2.36-9%2Bdeb12u1?distro=debian-12&arch=amd64", true)] // qualifiers in another order
    [InlineData("pkg:deb/debian/libc6@2.36-9+deb12u1?arch=amd64", true)] // fewer qualifiers, '+' unencoded
    [InlineData("pkg:deb/debian/libc6?arch=arm64", false)] // a qualifier that differs
    [InlineData("pkg:deb/debian/libc6@2.36-9%2Bdeb12u1?arch=amd64&distro=debian-12&repository_url=x", false)] // one the package lacks
    [InlineData("pkg:deb/ubuntu/libc6@2.36-9%2Bdeb12u1", false)] // another namespace
    public void The_product_purl_covers_the_package_when_it_is_no_more_specific(string product, bool suppressed)
    {
        // One statement names both findings' vulnerabilities, so only the product decides.
        var result = Apply($$"""
            {"vulnerability": {"name": "CVE-2021-23337", "aliases": ["CVE-2023-4911"]}, "products": ["{{product}}"], "status": "fixed"}
            """, Findings.Lodash, Findings.Libc);

        Assert.Equal(suppressed, result.Any(f => f.Suppression is not null));
    }

    [Theory]
    [InlineData("pkg:oci/app@sha256%3Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", true)] // the manifest digest
    [InlineData("pkg:oci/app?repository_url=registry.example.com/team", true)] // no digest: the repository's name
    [InlineData("pkg:oci/app@sha256%3Acccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc", false)] // another image
    public void The_image_as_product_with_the_package_as_subcomponent_suppresses(string image, bool suppressed)
    {
        var result = Apply($$"""
            {"vulnerability": "CVE-2021-23337", "products": [{"@id": "{{image}}", "subcomponents": [{"@id": "pkg:npm/lodash"}]}], "status": "not_affected", "justification": "component_not_present"}
            """, Findings.Lodash, Findings.Of("CVE-2021-23337", "pkg:npm/other@1", "other", "1"));

        Assert.Equal(suppressed, result[0].Suppression is not null);
        Assert.Null(result[1].Suppression);
    }

    [Fact]
    public void The_image_as_product_without_subcomponents_covers_every_package()
    {
        var result = Apply("""{"vulnerability": "CVE-2021-23337", "products": ["pkg:oci/app"], "status": "fixed"}""",
            Findings.Lodash, Findings.Of("CVE-2021-23337", "pkg:npm/other@1", "other", "1"), Findings.Libc);

        Assert.Equal([true, true, false], result.Select(f => f.Suppression is not null));
    }

    [Fact]
    public void The_latest_statement_holds_whatever_order_they_are_written_in()
    {
        // The later affected statement comes first in the file; its timestamp makes it the one that holds.
        var result = Apply("""
            {"vulnerability": "CVE-2021-23337", "products": ["pkg:npm/lodash@4.17.15"], "status": "affected", "timestamp": "2024-03-01T00:00:00Z", "action_statement": "upgrade"},
            {"vulnerability": "CVE-2021-23337", "products": ["pkg:npm/lodash"], "status": "not_affected", "justification": "component_not_present", "timestamp": "2024-02-01T00:00:00Z"}
            """, Findings.Lodash);

        Assert.Null(result[0].Suppression);
    }

    [Fact]
    public void A_later_document_overrides_an_earlier_one_and_equal_times_go_to_the_last_given()
    {
        var first = files.Load("""{"vulnerability": "CVE-2021-23337", "products": ["pkg:npm/lodash"], "status": "under_investigation"}""", "2024-01-01T00:00:00Z");
        var second = files.Load("""{"vulnerability": "CVE-2021-23337", "products": ["pkg:npm/lodash"], "status": "fixed"}""", "2024-01-02T00:00:00Z");
        var same = files.Load("""{"vulnerability": "CVE-2021-23337", "products": ["pkg:npm/lodash"], "status": "affected"}""", "2024-01-02T00:00:00Z");

        Assert.NotNull(VexFilter.Apply([Findings.Lodash], [second, first])[0].Suppression);
        Assert.Null(VexFilter.Apply([Findings.Lodash], [first, second, same])[0].Suppression);
        Assert.NotNull(VexFilter.Apply([Findings.Lodash], [first, same, second])[0].Suppression);
    }

    [Fact]
    public void Without_documents_the_findings_are_returned_as_they_are()
    {
        IReadOnlyList<ScanFinding> findings = [Findings.Lodash];
        Assert.Same(findings, VexFilter.Apply(findings, []));
    }
}
