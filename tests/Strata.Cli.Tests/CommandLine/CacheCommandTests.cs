using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests.CommandLine;

/// <summary>cache ls in its formats; cache prune removes only what it is told to, and nothing on a dry run.</summary>
public sealed class CacheCommandTests
{
    [Fact]
    public async Task Ls_quiet_prints_only_the_digests()
    {
        using var cache = new TempDirectory();
        var a = CacheContent.Add(cache.Path, "first");
        var b = CacheContent.Add(cache.Path, "second");

        var result = await CliRunner.RunAsync(["cache", "ls", "-q", "--cache-dir", cache.Path]);

        CliAssert.ExitCode(0, result);
        Assert.Equal(new[] { CacheContent.Digest(a), CacheContent.Digest(b) }.Order(StringComparer.Ordinal),
            result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Ls_json_lists_digest_and_size()
    {
        using var cache = new TempDirectory();
        var blob = CacheContent.Add(cache.Path, "12345");

        var result = await CliRunner.RunAsync(["cache", "ls", "--format", "json", "--cache-dir", cache.Path]);

        CliAssert.ExitCode(0, result);
        using var json = JsonDocument.Parse(result.StandardOutputBytes);
        var entry = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(CacheContent.Digest(blob), entry.GetProperty("digest").GetString());
        Assert.Equal(5, entry.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Prune_needs_an_age_or_all()
    {
        using var cache = new TempDirectory();
        var blob = CacheContent.Add(cache.Path, "kept", TimeSpan.FromDays(400));

        var bare = await CliRunner.RunAsync(["cache", "prune", "--cache-dir", cache.Path]);
        var dryRun = await CliRunner.RunAsync(["cache", "prune", "--dry-run", "--cache-dir", cache.Path]);

        BadInputAssert.Rejected(bare, "--older-than", "--all");
        BadInputAssert.Rejected(dryRun, "--older-than", "--all");
        Assert.True(File.Exists(blob));
    }

    [Theory]
    [InlineData("30")]
    [InlineData("30x")]
    [InlineData("d")]
    public async Task Prune_refuses_an_age_without_a_unit(string age)
    {
        using var cache = new TempDirectory();
        var blob = CacheContent.Add(cache.Path, "kept", TimeSpan.FromDays(400));

        var result = await CliRunner.RunAsync(["cache", "prune", "--older-than", age, "--cache-dir", cache.Path]);

        BadInputAssert.Rejected(result, "--older-than", $"'{age}'");
        Assert.True(File.Exists(blob));
    }

    [Fact]
    public async Task Prune_older_than_removes_only_blobs_unused_for_that_long()
    {
        using var cache = new TempDirectory();
        var old = CacheContent.Add(cache.Path, "old", TimeSpan.FromDays(31));
        var recent = CacheContent.Add(cache.Path, "recent", TimeSpan.FromHours(13));

        var days = await CliRunner.RunAsync(["cache", "prune", "--older-than", "30d", "--cache-dir", cache.Path]);

        CliAssert.ExitCode(0, days);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
        Assert.Contains("removed 1 blob, 3 bytes", days.Out, StringComparison.Ordinal);

        var hours = await CliRunner.RunAsync(["cache", "prune", "--older-than", "12h", "--cache-dir", cache.Path]);

        CliAssert.ExitCode(0, hours);
        Assert.False(File.Exists(recent));
    }

    [Fact]
    public async Task Prune_dry_run_lists_what_it_would_remove_and_removes_nothing()
    {
        using var cache = new TempDirectory();
        var a = CacheContent.Add(cache.Path, "a", TimeSpan.FromDays(2));
        var b = CacheContent.Add(cache.Path, "bb", TimeSpan.FromMinutes(1));

        var result = await CliRunner.RunAsync(["cache", "prune", "--all", "--dry-run", "--cache-dir", cache.Path]);

        CliAssert.ExitCode(0, result);
        Assert.True(File.Exists(a));
        Assert.True(File.Exists(b));
        Assert.Contains(CacheContent.Digest(a), result.Out, StringComparison.Ordinal);
        Assert.Contains(CacheContent.Digest(b), result.Out, StringComparison.Ordinal);
        Assert.Contains("would remove 2 blobs, 3 bytes", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prune_all_empties_the_cache()
    {
        using var cache = new TempDirectory();
        CacheContent.Add(cache.Path, "a");
        CacheContent.Add(cache.Path, "b", TimeSpan.FromDays(1));

        var result = await CliRunner.RunAsync(["cache", "prune", "--all", "--cache-dir", cache.Path]);

        CliAssert.ExitCode(0, result);
        Assert.Empty(Directory.GetFiles(Path.Combine(cache.Path, "blobs", "sha256")));
    }
}
