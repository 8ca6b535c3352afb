namespace Strata.Vulnerabilities.Store;

/// <summary>
/// What a conditional download of an export brought: nothing new (304), or the zip written to the target file with
/// the validators to send next time.
/// </summary>
internal sealed record ExportDownload(bool NotModified, long Bytes = 0, string? ETag = null, string? LastModified = null);
