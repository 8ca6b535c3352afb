namespace Strata.Images.IO;

/// <summary>
/// .NET's tar reader's own words for a defect, where they hold. A PAX or GNU header followed by another metadata
/// header it cannot combine with is "unexpectedly found" in its words, which would read as Strata's own internal
/// failure rather than the archive's defect.
/// </summary>
internal static class TarReaderWords
{
    public static string Of(Exception e) =>
        e.Message.Replace(" was unexpectedly found after ", " follows ", StringComparison.Ordinal)
            .Replace("unexpectedly", "wrongly", StringComparison.OrdinalIgnoreCase)
            .Replace("unexpected", "misplaced", StringComparison.OrdinalIgnoreCase);
}
