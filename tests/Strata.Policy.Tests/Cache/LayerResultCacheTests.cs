using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Strata.Analysis;
using Strata.Analysis.Export;
using Strata.Images.Sources;
using Strata.Policy.Assessment;
using Strata.Sbom.Cache;
using Strata.Sbom.Output;
using Strata.TestKit;

namespace Strata.Policy.Tests.Cache;

/// <summary>
/// The per-layer results cache gives exactly what a read gives (analysis, SBOM, advice with the planted secrets), counts
/// a layer it knows as a hit in whichever image it appears, and never trusts a file or a row it cannot vouch for.
/// </summary>
public sealed class LayerResultCacheTests
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    /// <summary>wasteful's layer count, from the shared layout's manifest (13 layers; the first is the Debian base's).</summary>
    private const int WastefulLayers = 13;

    [Fact]
    public async Task A_cold_and_a_warm_cache_give_what_a_read_gives_and_count_hits_and_misses()
    {
        using var folder = new TempDirectory();
        var uncached = await OutcomeAsync("wasteful", null);

        string cold, warm;
        using (var cache = new LayerResultCache(folder.File("layers.sqlite")))
        {
            cold = await OutcomeAsync("wasteful", cache);
            Assert.Equal((0L, (long)WastefulLayers), (cache.Hits, cache.Misses));
        }
        using (var cache = new LayerResultCache(folder.File("layers.sqlite")))
        {
            warm = await OutcomeAsync("wasteful", cache);
            Assert.Equal(((long)WastefulLayers, 0L), (cache.Hits, cache.Misses));
            // base is wasteful's first layer alone: known from wasteful, in another image.
            var baseUncached = await OutcomeAsync("base", null);
            Assert.Equal(baseUncached, await OutcomeAsync("base", cache));
            Assert.Equal(((long)WastefulLayers + 1, 0L), (cache.Hits, cache.Misses));
        }
        Assert.Equal(uncached, cold);
        Assert.Equal(uncached, warm);
        Assert.Contains("id_rsa", warm, StringComparison.Ordinal);
        Assert.Contains("\"base-files\"", warm, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("foreign")]
    [InlineData("old-version")]
    public async Task A_file_that_is_not_a_current_layer_cache_is_rebuilt(string kind)
    {
        using var folder = new TempDirectory();
        var path = folder.File("layers.sqlite");
        switch (kind)
        {
            case "garbage":
                await File.WriteAllBytesAsync(path, Encoding.ASCII.GetBytes(new string('x', 8192)), TestContext.Current.CancellationToken);
                break;
            case "foreign":
                Sql(path, "CREATE TABLE layer_parts (diff_id TEXT, part TEXT, version TEXT, checksum INTEGER, data BLOB); PRAGMA user_version = 7;");
                break;
            default:
                using (new LayerResultCache(path))
                {
                }
                Sql(path, "PRAGMA user_version = 99;");
                break;
        }
        var uncached = await OutcomeAsync("base", null);

        await AssertMissThenHitAsync(path, uncached);
        Assert.Equal(1L, Scalar(path, "PRAGMA user_version"));
    }

    /// <summary>Rows written by another version of a cataloger (here dpkg's), or whose bytes changed, are misses and are rewritten.</summary>
    [Theory]
    [InlineData("UPDATE layer_parts SET version = 'an-older-dpkg' WHERE part = 'dpkg'")]
    [InlineData("UPDATE layer_parts SET data = zeroblob(length(data)) WHERE part = 'entries'")]
    [InlineData("DELETE FROM layer_parts WHERE part = 'secrets'")]
    public async Task A_changed_cataloger_or_a_damaged_row_invalidates_the_layer(string change)
    {
        using var folder = new TempDirectory();
        var path = folder.File("layers.sqlite");
        var uncached = await OutcomeAsync("base", null);
        using (var cache = new LayerResultCache(path))
        {
            await OutcomeAsync("base", cache);
        }
        Sql(path, change);

        await AssertMissThenHitAsync(path, uncached);
        Assert.Equal(0L, Scalar(path, "SELECT count(*) FROM layer_parts WHERE version = 'an-older-dpkg'"));
    }

    /// <summary>
    /// Two assessments of base with the cache file: the first misses the layer and writes it, the second hits it, and
    /// both say what the assessment without a cache said.
    /// </summary>
    private static async Task AssertMissThenHitAsync(string path, string uncached)
    {
        using (var cache = new LayerResultCache(path))
        {
            Assert.Equal(uncached, await OutcomeAsync("base", cache));
            Assert.Equal((0L, 1L), (cache.Hits, cache.Misses));
        }
        using (var cache = new LayerResultCache(path))
        {
            Assert.Equal(uncached, await OutcomeAsync("base", cache));
            Assert.Equal((1L, 0L), (cache.Hits, cache.Misses));
        }
    }

    /// <summary>What an assessment says, as text: the analysis JSON, the SBOM JSON, the advice and the warnings.</summary>
    private static async Task<string> OutcomeAsync(string tag, LayerResultCache? cache)
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var image = await ImageOpener.OpenAsync(ImageReference.Parse($"oci:{Fixtures.OciLayout}:{tag}"), new ImageSelector(), NoEngines, cancellation);
        var assessment = ImageAssessor.Assess(image, new AnalysisOptions { LayerCache = cache }, new AssessmentOptions(), cancellationToken: cancellation);
        using var analysis = new MemoryStream();
        AnalysisJsonWriter.Write(assessment.Analysis, analysis);
        using var sbom = new MemoryStream();
        StrataJsonWriter.Write(assessment.Sbom, sbom);
        return string.Join('\n',
            Encoding.UTF8.GetString(analysis.ToArray()),
            Encoding.UTF8.GetString(sbom.ToArray()),
            JsonSerializer.Serialize(assessment.Advice.Findings),
            JsonSerializer.Serialize(assessment.Warnings.Order(StringComparer.Ordinal)));
    }

    private static void Sql(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
