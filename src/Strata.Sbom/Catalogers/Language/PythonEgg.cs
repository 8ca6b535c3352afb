namespace Strata.Sbom.Catalogers.Language;

/// <summary>The metadata inside a zipped egg: <c>EGG-INFO/PKG-INFO</c>.</summary>
internal static class PythonEgg
{
    private const long MetadataCap = 1024 * 1024;

    public const string PkgInfoEntry = "EGG-INFO/PKG-INFO";

    public static string PkgInfo(byte[] egg)
    {
        using var zip = ZipEntries.Open(egg);
        var entry = zip.GetEntry(PkgInfoEntry) ?? throw new MetadataException("no EGG-INFO/PKG-INFO in the egg");
        var bytes = ZipEntries.ReadAtMost(entry, MetadataCap) ?? throw new MetadataException($"EGG-INFO/PKG-INFO inflates to more than {MetadataCap} bytes");
        return MetadataText.Decode(bytes);
    }
}
