namespace Strata.Vulnerabilities.Store;

/// <summary>What <c>strata db status</c> shows: the file, its schema version, and each ecosystem's records and origin.</summary>
public sealed record StoreStatus(string Path, long SizeBytes, int SchemaVersion, long TotalRecords, IReadOnlyList<EcosystemStatus> Ecosystems);

/// <summary>
/// One ecosystem base (<c>Debian</c>, <c>npm</c>): how many records name it, where they came from (an export's URL
/// or an imported path), the export's validators, when its records last changed, and when they were last known current
/// (a download answered 304 counts).
/// </summary>
public sealed record EcosystemStatus(
    string Name, long Records, string? Source, string? ETag, string? LastModified, DateTimeOffset? ImportedAt, DateTimeOffset? CheckedAt);

/// <summary>Times as the database stores them: ISO 8601 in UTC.</summary>
internal static class StoredTime
{
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;
}
