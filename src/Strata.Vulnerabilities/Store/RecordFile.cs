namespace Strata.Vulnerabilities.Store;

/// <summary>One record's JSON as read, and where it came from (a file, or a zip and its entry) for messages.</summary>
internal readonly record struct RecordFile(string Source, byte[] Json);
