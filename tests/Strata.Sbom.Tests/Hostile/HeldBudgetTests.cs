using System.Text;
using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;

namespace Strata.Sbom.Tests.Hostile;

/// <summary>Each metadata file is capped by kind, and all of them together by the captor's budget.</summary>
public sealed class HeldBudgetTests
{
    [Fact]
    public void Metadata_past_the_budget_is_skipped_with_one_warning_and_what_fits_is_still_cataloged()
    {
        const int budget = 1024 * 1024;
        const int files = 40;
        var warnings = new List<string>();
        var captor = new PackageCaptor(CatalogerRegistry.All(), warnings.Add, (layer, path) => new PackageLocation("/" + path, layer, "sha256:l", "COPY"))
        {
            HeldBudget = budget,
        };
        for (var i = 0; i < files; i++)
        {
            // 100 KiB package.json files: each under npm's own cap, 4 MB in all against a 1 MiB budget.
            var padding = new string(' ', 100 * 1024);
            var content = Encoding.UTF8.GetBytes($"{{\"name\":\"pkg{i}\",\"version\":\"1.0.{i}\",\"description\":\"{padding}\"}}");
            var sink = captor.Open(0, $"app/node_modules/pkg{i}/package.json", content.Length, 0x1A4, content);
            sink?.Complete();
        }

        var kept = captor.FilesFor("npm").ToList();
        // 1 MiB holds nine files of a little over 100 KiB; the rest are skipped.
        Assert.Equal(budget / (100 * 1024 + 60), kept.Count);
        Assert.True(kept.Sum(f => f.Content.Length) <= budget);
        var warning = Assert.Single(warnings);
        Assert.Contains("/app/node_modules/pkg10/package.json", warning, StringComparison.Ordinal);
        Assert.Contains("1048576-byte limit", warning, StringComparison.Ordinal);
    }
}
