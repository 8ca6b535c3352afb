namespace Strata.Sbom.Tests.Language;

/// <summary>Every shared language fixture of these ecosystems is checked by some test.</summary>
public sealed class FixtureCoverageTests
{
    [Theory]
    [InlineData("javascript")]
    [InlineData("python")]
    [InlineData("java")]
    [InlineData("dotnet")]
    public void Every_fixture_file_has_an_expectation(string ecosystem)
    {
        var covered = Fixtures(NpmCatalogerTests.Cases)
            .Concat(Fixtures(PythonCatalogerTests.Cases)).Concat(PythonCatalogerTests.NotWanted)
            .Concat(Fixtures(JavaCatalogerTests.Archives)).Concat(Fixtures(JavaCatalogerTests.Manifests)).Concat(JavaCatalogerTests.NotWanted)
            .Concat(Fixtures(DotnetCatalogerTests.Cases))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(LanguageFixtures.All(ecosystem), fixture => Assert.Contains(fixture, covered));
    }

    private static IEnumerable<string> Fixtures(IEnumerable<ITheoryDataRow> rows) => rows.Select(r => (string)r.GetData()[0]!);
}
