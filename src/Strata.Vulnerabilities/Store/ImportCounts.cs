namespace Strata.Vulnerabilities.Store;

/// <summary>What an import or update did with the records it read.</summary>
public sealed class ImportCounts
{
    public long Added { get; internal set; }

    public long Replaced { get; internal set; }

    /// <summary>Records the database already held in a newer version (a later <c>modified</c>).</summary>
    public long KeptNewer { get; internal set; }

    /// <summary>Malformed records passed over with a warning.</summary>
    public long Skipped { get; internal set; }

    /// <summary>Records an export no longer holds, removed from the database.</summary>
    public long Removed { get; internal set; }

    public long Read => Added + Replaced + KeptNewer;
}
