using System.Text.Json;
using Strata.TestKit;
using Strata.Vulnerabilities.Store;
using Strata.Vulnerabilities.Tests.Store;

namespace Strata.Cli.Tests.Db;

/// <summary>
/// <c>strata db update</c> against a local HTTP server serving real export zips built from the shared advisories,
/// with the faults (a connection cut mid-body, a bad zip, Ctrl-C) put in by the test kit's FaultProxy.
/// </summary>
public sealed class DbUpdateTests
{
    private static readonly DateTimeOffset LastModified = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static string[] Update(string database, Uri source, string ecosystems) =>
        ["db", "update", "--db", database, "--source", source.AbsoluteUri, "--ecosystem", ecosystems];

    private static byte[] Export(string ecosystem) => SharedAdvisories.Zip(SharedAdvisories.FilesOf(ecosystem));

    [Fact(Timeout = 120_000)]
    public async Task Update_downloads_each_export_and_a_second_run_is_answered_304_to_its_conditional_request()
    {
        using var work = new TempDirectory();
        await using var server = StaticBlobServer.Start([0]);
        server.ServeFile("/npm/all.zip", Export("npm"), "\"npm-1\"", LastModified);
        server.ServeFile("/PyPI/all.zip", Export("PyPI"), "\"pypi-1\"", LastModified);
        var database = work.File("osv.sqlite");

        var first = await CliRunner.RunAsync(Update(database, server.BaseUri, "npm,PyPI"));

        CliAssert.ExitCode(0, first);
        Assert.Contains("npm: 6 records", first.Out, StringComparison.Ordinal);
        Assert.Contains("PyPI: 3 records", first.Out, StringComparison.Ordinal);
        AssertFinds(database);
        var firstGets = server.Requests.Where(r => r.Path.EndsWith("/all.zip", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/npm/all.zip", "/PyPI/all.zip"], firstGets.Select(r => r.Path));
        Assert.All(firstGets, r => Assert.False(r.HasHeader("If-None-Match") || r.HasHeader("If-Modified-Since")));

        var second = await CliRunner.RunAsync(Update(database, server.BaseUri, "npm,PyPI"));

        CliAssert.ExitCode(0, second);
        Assert.Contains("npm: not changed since the last update", second.Out, StringComparison.Ordinal);
        Assert.Contains("PyPI: not changed since the last update", second.Out, StringComparison.Ordinal);
        var npm = server.Requests.Last(r => r.Path == "/npm/all.zip");
        Assert.Equal("\"npm-1\"", npm.Header("If-None-Match"));
        Assert.Equal("Fri, 02 Jan 2026 03:04:05 GMT", npm.Header("If-Modified-Since"));
        Assert.Equal(304, npm.Status);
        Assert.Equal("\"pypi-1\"", server.Requests.Last(r => r.Path == "/PyPI/all.zip").Header("If-None-Match"));
        AssertFinds(database);
        Assert.Equal(["osv.sqlite"], Directory.GetFiles(work.Path).Select(Path.GetFileName));

        var status = await CliRunner.RunAsync(["db", "status", "--db", database, "-f", "json"]);
        CliAssert.ExitCode(0, status);
        using var json = JsonDocument.Parse(status.StandardOutput);
        var npmStatus = json.RootElement.GetProperty("ecosystems").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "npm");
        Assert.Equal("\"npm-1\"", npmStatus.GetProperty("etag").GetString());
        Assert.Equal(new Uri(server.BaseUri, "npm/all.zip").AbsoluteUri, npmStatus.GetProperty("source").GetString());
        Assert.Equal(6, npmStatus.GetProperty("records").GetInt64());
    }

    [Fact(Timeout = 120_000)]
    public async Task A_changed_export_replaces_its_records_and_drops_those_it_no_longer_holds_but_keeps_imported_ones()
    {
        using var work = new TempDirectory();
        await using var server = StaticBlobServer.Start([0]);
        server.ServeFile("/npm/all.zip", Export("npm"), "\"npm-1\"", LastModified);
        var database = work.File("osv.sqlite");
        CliAssert.ExitCode(0, await CliRunner.RunAsync(Update(database, server.BaseUri, "npm")));
        var mine = work.File("mine.json");
        await File.WriteAllTextAsync(mine, """
            {"id": "LOCAL-1", "modified": "2026-01-01T00:00:00Z", "affected": [{"package": {"ecosystem": "npm", "name": "lodash"}, "versions": ["4.17.15"]}]}
            """, TestContext.Current.CancellationToken);
        CliAssert.ExitCode(0, await CliRunner.RunAsync(["db", "import", "--db", database, mine]));
        var fewer = SharedAdvisories.FilesOf("npm").Where(f => !f.EndsWith("GHSA-29mw-wpgm-hmr9.json", StringComparison.Ordinal));
        server.ServeFile("/npm/all.zip", SharedAdvisories.Zip(fewer), "\"npm-2\"", LastModified.AddDays(1));

        var result = await CliRunner.RunAsync(Update(database, server.BaseUri, "npm"));

        CliAssert.ExitCode(0, result);
        Assert.Contains("1 no longer published, removed", result.Out, StringComparison.Ordinal);
        using var store = AdvisoryStore.Open(database);
        Assert.Equal(["GHSA-35jh-r3h4-6jhm", "GHSA-jf85-cpcp-j695", "GHSA-p6mc-m468-83gw", "LOCAL-1"], store.Find("npm", "lodash").Select(r => r.Id));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_connection_cut_mid_zip_fails_the_update_and_the_old_database_still_answers()
    {
        using var work = new TempDirectory();
        await using var server = StaticBlobServer.Start([0]);
        server.ServeFile("/npm/all.zip", Export("npm"), "\"npm-1\"", LastModified);
        var database = work.File("osv.sqlite");
        CliAssert.ExitCode(0, await CliRunner.RunAsync(Update(database, server.BaseUri, "npm")));
        var before = await File.ReadAllBytesAsync(database, TestContext.Current.CancellationToken);
        var changed = SharedAdvisories.Zip(SharedAdvisories.Files);
        server.ServeFile("/npm/all.zip", changed, "\"npm-2\"", LastModified.AddDays(1));
        await using var proxy = FaultProxy.Start(server.BaseUri);
        proxy.Inject(Fault.ResetAfter(changed.Length / 2), r => r.Path == "/npm/all.zip", times: 100);

        var result = await CliRunner.RunAsync(Update(database, proxy.BaseUri, "npm"));

        BadInputAssert.Rejected(result, $"{proxy.BaseUri}npm/all.zip", "the connection broke after", "(tried 3 times)");
        Assert.Equal(3, proxy.Requests.Count(r => r.Path == "/npm/all.zip"));
        Assert.Equal(before, await File.ReadAllBytesAsync(database, TestContext.Current.CancellationToken));
        Assert.Equal(["osv.sqlite"], Directory.GetFiles(work.Path).Select(Path.GetFileName));
        using var store = AdvisoryStore.Open(database);
        Assert.Equal(4, store.Find("npm", "lodash").Count);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_body_cut_once_is_downloaded_again_whole()
    {
        using var work = new TempDirectory();
        await using var server = StaticBlobServer.Start([0]);
        var zip = Export("npm");
        server.ServeFile("/npm/all.zip", zip, "\"npm-1\"", LastModified);
        await using var proxy = FaultProxy.Start(server.BaseUri);
        proxy.Inject(Fault.Truncate(zip.Length / 3), r => r.Path == "/npm/all.zip");
        var database = work.File("osv.sqlite");

        var result = await CliRunner.RunAsync(Update(database, proxy.BaseUri, "npm"));

        CliAssert.ExitCode(0, result);
        Assert.Contains("trying again", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, proxy.Requests.Count(r => r.Path == "/npm/all.zip"));
        AssertFinds(database, withPyPI: false);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_bad_zip_fails_the_update_and_leaves_the_old_database()
    {
        using var work = new TempDirectory();
        await using var server = StaticBlobServer.Start([0]);
        server.ServeFile("/npm/all.zip", Export("npm"), "\"npm-1\"", LastModified);
        server.ServeFile("/PyPI/all.zip", Export("PyPI"), "\"pypi-1\"", LastModified);
        var database = work.File("osv.sqlite");
        CliAssert.ExitCode(0, await CliRunner.RunAsync(Update(database, server.BaseUri, "npm,PyPI")));
        var before = await File.ReadAllBytesAsync(database, TestContext.Current.CancellationToken);
        server.ServeFile("/PyPI/all.zip", "<html>a captive portal</html>"u8.ToArray(), "\"pypi-2\"", LastModified.AddDays(1));

        var result = await CliRunner.RunAsync(Update(database, server.BaseUri, "npm,PyPI"));

        BadInputAssert.Rejected(result, $"{server.BaseUri}PyPI/all.zip: not a readable zip archive");
        Assert.Equal(before, await File.ReadAllBytesAsync(database, TestContext.Current.CancellationToken));
        Assert.Equal(["osv.sqlite"], Directory.GetFiles(work.Path).Select(Path.GetFileName));
    }

    [Fact(Timeout = 120_000)]
    public async Task Ctrl_C_mid_download_exits_130_and_leaves_the_old_database_and_no_temporary_file()
    {
        using var work = new TempDirectory();
        await using var server = StaticBlobServer.Start([0]);
        server.ServeFile("/npm/all.zip", Export("npm"), "\"npm-1\"", LastModified);
        var database = work.File("osv.sqlite");
        CliAssert.ExitCode(0, await CliRunner.RunAsync(Update(database, server.BaseUri, "npm")));
        var before = await File.ReadAllBytesAsync(database, TestContext.Current.CancellationToken);
        var changed = SharedAdvisories.Zip(SharedAdvisories.Files);
        server.ServeFile("/npm/all.zip", changed, "\"npm-2\"", LastModified.AddDays(1));
        await using var proxy = FaultProxy.Start(server.BaseUri);
        proxy.Inject(Fault.Throttle(512, TimeSpan.FromMilliseconds(100)), r => r.Path == "/npm/all.zip", times: 100);
        using var interrupt = new CancellationTokenSource();

        var running = CliRunner.RunAsync(Update(database, proxy.BaseUri, "npm"), interrupt: interrupt);
        while (!proxy.Requests.Any(r => r.Status == 200))
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        await Task.Delay(300, TestContext.Current.CancellationToken);
        await interrupt.CancelAsync();
        var result = await running;

        CliAssert.ExitCode(130, result);
        Assert.Equal(before, await File.ReadAllBytesAsync(database, TestContext.Current.CancellationToken));
        Assert.Equal(["osv.sqlite"], Directory.GetFiles(work.Path).Select(Path.GetFileName));
    }

    [Fact(Timeout = 120_000)]
    public async Task An_export_the_source_lacks_is_named_with_its_status()
    {
        using var work = new TempDirectory();
        await using var server = StaticBlobServer.Start([0]);

        var result = await CliRunner.RunAsync(Update(work.File("osv.sqlite"), server.BaseUri, "Nope"));

        BadInputAssert.Rejected(result, $"{server.BaseUri}Nope/all.zip: the server answered 404");
        Assert.Empty(Directory.GetFiles(work.Path));
    }

    [Theory]
    [InlineData("--source", "ftp://mirror/osv", "--source 'ftp://mirror/osv'")]
    [InlineData("--ecosystem", "npm,,PyPI", "'' is not an ecosystem name")]
    [InlineData("--ecosystem", "../etc", "'../etc' is not an ecosystem name")]
    [InlineData("--timeout", "soon", "--timeout 'soon'")]
    public async Task Bad_options_are_named(string option, string value, string expected)
    {
        using var work = new TempDirectory();

        var result = await CliRunner.RunAsync(["db", "update", "--db", work.File("osv.sqlite"), option, value]);

        BadInputAssert.Rejected(result, expected);
        Assert.Empty(Directory.GetFiles(work.Path));
    }

    private static void AssertFinds(string database, bool withPyPI = true)
    {
        using var store = AdvisoryStore.Open(database);
        Assert.Equal(["GHSA-29mw-wpgm-hmr9", "GHSA-35jh-r3h4-6jhm", "GHSA-jf85-cpcp-j695", "GHSA-p6mc-m468-83gw"], store.Find("npm", "lodash").Select(r => r.Id));
        Assert.Equal(withPyPI ? ["GHSA-9wx4-h78v-vm56", "GHSA-j8r2-6x86-q33q", "PYSEC-2023-74"] : [], store.Find("PyPI", "requests").Select(r => r.Id));
    }
}
