using System.Text;
using Strata.TestKit;
using Strata.Vulnerabilities.Matching;
using Strata.Vulnerabilities.Osv;

namespace Strata.Vulnerabilities.Tests.Matching;

/// <summary>OSV records for the matcher's tests: the real ones in ../shared/fixtures/advisories, and records written here in OSV's JSON form.</summary>
internal static class Records
{
    public static IReadOnlyList<OsvRecord> Shared() =>
        Directory.GetFiles(Path.Combine(Fixtures.Shared, "advisories"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => OsvParser.Parse(File.ReadAllBytes(path), path))
            .ToList();

    public static OsvRecord Parse(string json) => OsvParser.Parse(Encoding.UTF8.GetBytes(json), "test record");

    public static InMemoryAdvisories Source(params string[] json) => new(json.Select(Parse));
}
