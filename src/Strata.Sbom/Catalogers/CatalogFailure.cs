using System.Text;
using System.Text.Json;
using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers.Language;

namespace Strata.Sbom.Catalogers;

/// <summary>
/// Turns whatever a cataloger throws on one file into a warning naming that file, so the next file is still read.
/// Only cancellation passes through. Warnings never carry an exception's type name, only what went wrong.
/// </summary>
internal static class CatalogFailure
{
    /// <summary>True for every failure a boundary turns into a warning: all but cancellation.</summary>
    public static bool IsCaught(Exception e) => e is not OperationCanceledException;

    /// <summary>What went wrong, in words for the user.</summary>
    public static string Describe(Exception e) => e switch
    {
        JsonException json => $"not valid JSON ({json.Message})",
        InvalidDataException data => data.Message,
        DecoderFallbackException => "not valid UTF-8 text",
        MetadataException => e.Message,
        OutOfMemoryException or InsufficientExecutionStackException => "too large or too deeply nested to read",
        _ => $"could not be read ({e.Message})",
    };

    /// <summary>
    /// Runs <paramref name="read"/> on one file; on failure warns <c>/PATH: what went wrong; skipped</c> and gives
    /// <paramref name="fallback"/>.
    /// </summary>
    public static T ReadOr<T>(this CatalogContext context, CapturedFile file, T fallback, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (IsCaught(e))
        {
            context.Warn($"/{file.Path}: {Describe(e)}; skipped");
            return fallback;
        }
    }
}
