namespace Strata.Vulnerabilities.Store;

/// <summary>One export's part in an update: its URL, and whether it had changed (and so how many records it brought).</summary>
public sealed record EcosystemUpdate(string Ecosystem, Uri Url, bool NotModified, long Records, long Bytes);

/// <summary>
/// <c>strata db update</c>: downloads each ecosystem's export (<c>{source}/{ecosystem}/all.zip</c>) with a
/// conditional request, and applies those that changed: their records replace the stored ones by ID, and records an
/// earlier download of that export brought but it no longer holds are removed (imported records stay). The database is
/// built beside the old one and swapped in whole once every export is in, so a failed or interrupted update (a
/// connection cut mid-zip, a bad zip, Ctrl-C) leaves the old database as it was, and removes its temporary files.
/// </summary>
public static class AdvisoryUpdate
{
    public static async Task<(IReadOnlyList<EcosystemUpdate> Ecosystems, ImportCounts Counts)> UpdateAsync(
        string databasePath, UpdateOptions options, CancellationToken cancellationToken)
    {
        var counts = new ImportCounts();
        var results = new List<EcosystemUpdate>();
        using var builder = AdvisoryDatabaseBuilder.Start(databasePath, options.Import.Now ?? DateTimeOffset.UtcNow);
        using var downloader = new ExportDownloader(options);
        var loader = new RecordLoader(builder, options.Import.Strict, options.Import.Warn, counts);
        foreach (var ecosystem in options.Ecosystems)
        {
            var url = options.ExportUrl(ecosystem);
            var source = url.AbsoluteUri;
            var zip = AdvisoryDatabaseBuilder.TempSibling(databasePath, "download");
            try
            {
                var (etag, lastModified) = builder.Validators(ecosystem, source);
                var download = await downloader.DownloadAsync(url, etag, lastModified, zip, cancellationToken);
                if (download.NotModified)
                {
                    builder.MarkChecked(ecosystem);
                    results.Add(new EcosystemUpdate(ecosystem, url, NotModified: true, 0, 0));
                    continue;
                }
                var origin = Origin(ecosystem);
                var before = counts.Read;
                builder.BeginExport();
                loader.Load(ZipRecords.Read(zip, source, options.Import.Limits, cancellationToken), origin, cancellationToken);
                counts.Removed += builder.EndExport(ecosystem, origin, source, download.ETag, download.LastModified);
                results.Add(new EcosystemUpdate(ecosystem, url, NotModified: false, counts.Read - before, download.Bytes));
            }
            finally
            {
                AdvisoryDatabaseBuilder.TryDelete(zip);
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        builder.Commit();
        return (results, counts);
    }

    /// <summary>What the records of an ecosystem's export are marked with, so the next download of it can remove those it dropped.</summary>
    private static string Origin(string ecosystem) => "export:" + ecosystem;
}
