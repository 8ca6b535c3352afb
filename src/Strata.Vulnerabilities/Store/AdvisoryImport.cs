namespace Strata.Vulnerabilities.Store;

/// <summary>How an import or update treats what it reads.</summary>
public sealed record ImportOptions
{
    /// <summary>Fail on the first malformed record, instead of passing over it with a warning.</summary>
    public bool Strict { get; init; }

    /// <summary>Receives each warning (a record passed over, a download tried again).</summary>
    public Action<string> Warn { get; init; } = _ => { };

    public ImportLimits Limits { get; init; } = ImportLimits.Default;

    /// <summary>The time stored as the import's; the clock's when null.</summary>
    public DateTimeOffset? Now { get; init; }
}

/// <summary>
/// <c>strata db import</c>: adds records from folders, files and export zips to the database, a record replacing the
/// stored one of its ID unless that one is newer (by <c>modified</c>). The database is rebuilt beside the old one and
/// swapped in whole, so a failed or interrupted import leaves the old one as it was.
/// </summary>
public static class AdvisoryImport
{
    internal const string Origin = "import";

    /// <param name="paths">Each path to read (absolute), and how messages show it.</param>
    public static ImportCounts Import(string databasePath, IReadOnlyList<(string Path, string Shown)> paths, ImportOptions options, CancellationToken cancellationToken)
    {
        var counts = new ImportCounts();
        using var builder = AdvisoryDatabaseBuilder.Start(databasePath, options.Now ?? DateTimeOffset.UtcNow);
        var loader = new RecordLoader(builder, options.Strict, options.Warn, counts);
        foreach (var (path, shown) in paths)
        {
            var bases = loader.Load(RecordFiles.Read(path, shown, options.Limits, cancellationToken), Origin, cancellationToken);
            foreach (var ecosystem in bases)
            {
                builder.NoteImport(ecosystem, path);
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        builder.Commit();
        return counts;
    }
}
