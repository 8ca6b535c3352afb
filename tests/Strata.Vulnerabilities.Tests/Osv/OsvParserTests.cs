using Strata.Images;
using Strata.TestKit;
using Strata.Vulnerabilities.Osv;

namespace Strata.Vulnerabilities.Tests.Osv;

public sealed class OsvParserTests
{
    [Fact]
    public void Reads_a_real_GitHub_advisory()
    {
        var path = Path.Combine(Fixtures.Shared, "advisories", "GHSA-35jh-r3h4-6jhm.json");
        var record = OsvParser.Parse(File.ReadAllBytes(path), path);

        Assert.Equal("GHSA-35jh-r3h4-6jhm", record.Id);
        Assert.Equal(["CVE-2021-23337"], record.Aliases);
        Assert.Equal(new OsvSeverity("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H"), Assert.Single(record.Severity));
        Assert.Equal(["lodash", "lodash-es"], record.Affected.Select(a => a.Package.Name));
        var events = Assert.Single(record.Affected[0].Ranges).Events;
        Assert.Equal([new OsvEvent(Introduced: "0"), new OsvEvent(Fixed: "4.17.21")], events);
        Assert.Equal(new DateTimeOffset(2021, 5, 6, 16, 5, 51, TimeSpan.Zero), record.Published);
    }

    [Theory]
    [InlineData("[]", "the top level is not a JSON object")]
    [InlineData("{\"summary\":\"x\"}", "field 'id' is missing")]
    [InlineData("{\"id\":\"X-1\",\"aliases\":\"CVE-1\"}", "field 'aliases' is not an array")]
    [InlineData("{\"id\":\"X-1\",\"modified\":\"yesterday\"}", "field 'modified' is not an RFC 3339 time")]
    [InlineData("{\"id\":\"X-1\",\"affected\":[{\"ranges\":[{\"events\":[]}]}]}", "affected[0]: ranges[0]: field 'type' is missing")]
    [InlineData("{\"id\":", "not an OSV record")]
    public void Refuses_a_malformed_record_naming_the_source_and_field(string json, string expected)
    {
        var error = Assert.Throws<StrataException>(() => OsvParser.Parse(System.Text.Encoding.UTF8.GetBytes(json), "bad.json"));
        Assert.StartsWith("bad.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
