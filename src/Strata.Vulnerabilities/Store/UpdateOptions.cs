namespace Strata.Vulnerabilities.Store;

/// <summary>Where <c>strata db update</c> downloads from, which exports, and how patiently.</summary>
public sealed record UpdateOptions
{
    /// <summary>OSV's public bucket: <c>{source}/{ecosystem}/all.zip</c>.</summary>
    public static readonly Uri DefaultSource = new("https://osv-vulnerabilities.storage.googleapis.com/");

    public static readonly IReadOnlyList<string> DefaultEcosystems =
        ["Debian", "Alpine", "npm", "PyPI", "Go", "Maven", "NuGet", "crates.io", "RubyGems", "Packagist"];

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public Uri Source { get; init; } = DefaultSource;

    public IReadOnlyList<string> Ecosystems { get; init; } = DefaultEcosystems;

    /// <summary>The longest a connection may take to open, to answer with its headers, or between two reads of a body.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Tries per export, counting the first; a broken connection, a stall, 408, 429 and 5xx are tried again.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The wait before the second try; it doubles for each later one.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public ImportOptions Import { get; init; } = new();

    /// <summary><c>{source}/{ecosystem}/all.zip</c>, the ecosystem escaped as one path segment.</summary>
    public Uri ExportUrl(string ecosystem)
    {
        var text = Source.AbsoluteUri;
        return new Uri(text.TrimEnd('/') + "/" + Uri.EscapeDataString(ecosystem) + "/all.zip");
    }
}
