using Strata.Sbom.Output.Licenses;

namespace Strata.Sbom.Tests.Output;

public sealed class LicenseExpressionTests
{
    [Theory]
    [InlineData("MIT", "Id", "MIT")]
    [InlineData("  apache-2.0 ", "Id", "Apache-2.0")]
    [InlineData("GPL-2.0", "Id", "GPL-2.0")]
    [InlineData("GPL-2.0+", "Expression", "GPL-2.0+")]
    [InlineData("mit or apache-2.0", "Expression", "MIT OR Apache-2.0")]
    [InlineData("(MIT OR Apache-2.0) AND BSD-3-Clause", "Expression", "(MIT OR Apache-2.0) AND BSD-3-Clause")]
    [InlineData("MIT AND (BSD-2-Clause AND ISC)", "Expression", "MIT AND BSD-2-Clause AND ISC")]
    [InlineData("MIT OR ISC AND Zlib", "Expression", "MIT OR ISC AND Zlib")]
    [InlineData("GPL-2.0-only WITH classpath-exception-2.0", "Expression", "GPL-2.0-only WITH Classpath-exception-2.0")]
    [InlineData("LicenseRef-Mine", "Expression", "LicenseRef-Mine")]
    [InlineData("DocumentRef-other:LicenseRef-Theirs OR MIT", "Expression", "DocumentRef-other:LicenseRef-Theirs OR MIT")]
    [InlineData("MIT OR Foo", "Expression", "MIT OR LicenseRef-Foo")]
    [InlineData("GPLv2", "Name", "GPLv2")]
    [InlineData("MIT License", "Name", "MIT License")]
    [InlineData("GPL-2.0-only WITH No-Such-Exception", "Name", "GPL-2.0-only WITH No-Such-Exception")]
    [InlineData("MIT AND", "Name", "MIT AND")]
    [InlineData("(MIT", "Name", "(MIT")]
    [InlineData("MIT/X11", "Name", "MIT/X11")]
    [InlineData("LicenseRef-", "Name", "LicenseRef-")]
    [InlineData("LicenseRef-x WITH Classpath-exception-2.0", "Name", "LicenseRef-x WITH Classpath-exception-2.0")]
    public void Declared_licences_are_read_as_SPDX_where_they_can_be(string declared, string kind, string text)
    {
        var parsed = LicenseExpression.Parse(declared, unknown => "LicenseRef-" + unknown);
        Assert.Equal((kind, text), (parsed.Kind.ToString(), parsed.Text));
    }

    [Fact]
    public void A_failed_parse_asks_for_no_LicenseRef()
    {
        var asked = new List<string>();
        LicenseExpression.Parse("Foo Bar", unknown => { asked.Add(unknown); return "LicenseRef-" + unknown; });
        Assert.Empty(asked);
    }

    [Fact]
    public void LicenseRefs_are_stable_per_text_and_distinct_between_texts()
    {
        var refs = new LicenseRefs();
        Assert.Equal("LicenseRef-GPL-v2", refs.IdFor("GPL v2"));
        Assert.Equal("LicenseRef-GPL-v2-2", refs.IdFor("GPL/v2"));
        Assert.Equal("LicenseRef-GPL-v2", refs.IdFor("GPL v2"));
        Assert.Equal("LicenseRef-unknown", refs.IdFor("©"));
        Assert.Equal(["LicenseRef-GPL-v2", "LicenseRef-GPL-v2-2", "LicenseRef-unknown"], refs.Extracted.Select(e => e.Id));
    }
}
