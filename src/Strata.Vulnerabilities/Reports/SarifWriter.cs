using Strata.Vulnerabilities.Scanning;

namespace Strata.Vulnerabilities.Reports;

/// <summary>
/// Writes a scan as SARIF 2.1.0 for GitHub code scanning: one rule per vulnerability, each result located at the
/// Dockerfile line of the layer that brought the package when a Dockerfile is given, else at the image.
/// </summary>
public static class SarifWriter
{
    /// <param name="dockerfile">The Dockerfile's path as given (for the artifact location) and its text, or null.</param>
    public static void Write(ScanReport report, Stream output, string toolVersion, (string Path, string Text)? dockerfile)
    {
        _ = report;
        _ = output;
        _ = toolVersion;
        _ = dockerfile;
        throw new NotImplementedException();
    }
}
