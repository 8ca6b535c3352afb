using Strata.Images;

namespace Strata.Vulnerabilities.Store;

/// <summary>A download failure worth another try: a broken connection, a stall, 408, 429 or a 5xx.</summary>
internal sealed class TransientDownloadFailure(string message) : StrataException(message);
