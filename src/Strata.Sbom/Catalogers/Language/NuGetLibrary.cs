namespace Strata.Sbom.Catalogers.Language;

/// <summary>A library of a .deps.json: its <c>Name/Version</c> key and its type.</summary>
internal static class NuGetLibrary
{
    private const string RuntimePackPrefix = "runtimepack.";

    /// <summary>NuGet packages are of type <c>package</c>; a self-contained app's runtime packs (<c>runtimepack</c>) are NuGet packages too.</summary>
    public static bool IsPackage(string? type) =>
        string.Equals(type, "package", StringComparison.OrdinalIgnoreCase) || string.Equals(type, "runtimepack", StringComparison.OrdinalIgnoreCase);

    /// <summary>(name, version) from <c>Name/Version</c>, or null when the key has no version.</summary>
    public static (string Name, string Version)? Split(string key)
    {
        var slash = key.LastIndexOf('/');
        if (slash <= 0 || slash == key.Length - 1)
        {
            return null;
        }
        var name = key[..slash];
        return (name.StartsWith(RuntimePackPrefix, StringComparison.Ordinal) ? name[RuntimePackPrefix.Length..] : name, key[(slash + 1)..]);
    }
}
