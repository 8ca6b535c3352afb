using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Output.Licenses;
using Strata.Sbom.Tests.Language;

namespace Strata.Sbom.Tests.Hostile;

/// <summary>Package databases too large to hold are skipped by name before a byte is kept; licences too deeply nested are names.</summary>
public sealed class OversizeAndNestingTests
{
    private const long FiveHundredMiB = 500L * 1024 * 1024;

    [Theory]
    [InlineData("var/lib/rpm/Packages")]
    [InlineData("usr/lib/sysimage/rpm/Packages.db")]
    [InlineData("var/lib/rpm/rpmdb.sqlite")]
    public void A_500_MiB_rpm_database_is_skipped_with_a_warning_naming_it_and_the_limit(string path)
    {
        var warnings = new List<string>();
        var captor = new PackageCaptor([new RpmCataloger()], warnings.Add, LanguageHarness.Locate);

        var sink = captor.Open(3, path, FiveHundredMiB, 0x1A4, "\0\0\0\0"u8);

        Assert.Null(sink);
        Assert.Equal($"/{path} (layer 3): {FiveHundredMiB} bytes, over the {128 * 1024 * 1024}-byte limit for package metadata; skipped", Assert.Single(warnings));
    }

    [Fact]
    public void A_licence_of_a_million_nested_parentheses_is_a_name_not_a_stack_overflow()
    {
        var declared = new string('(', 1_000_000) + "MIT" + new string(')', 1_000_000);

        var parsed = Bounded.Run(() => LicenseExpression.Parse(declared, unknown => "LicenseRef-" + unknown), 200 * Bounded.MiB);

        Assert.Equal((LicenseKind.Name, declared), (parsed.Kind, parsed.Text));
    }

    [Fact]
    public void A_licence_in_a_few_parentheses_is_still_read()
    {
        var parsed = LicenseExpression.Parse(new string('(', 20) + "mit OR apache-2.0" + new string(')', 20), unknown => "LicenseRef-" + unknown);

        Assert.Equal((LicenseKind.Expression, "MIT OR Apache-2.0"), (parsed.Kind, parsed.Text));
    }
}
