namespace Strata.Sbom.Catalogers;

/// <summary>
/// How many characters of file names one package database may list in all. rpm and apk build each path from a
/// folder named once and a file name, so a small hostile database could otherwise make terabytes of paths (one
/// long folder, a million files in it). Real databases list a few million characters; past the budget, files are
/// no longer listed and the cataloger warns once.
/// </summary>
internal sealed class FileNameBudget
{
    public const long MaxCharacters = 32L * 1024 * 1024;

    private long _used;

    public bool Exhausted { get; private set; }

    /// <summary>True when a path of <paramref name="characters"/> may still be listed.</summary>
    public bool Take(long characters)
    {
        if (Exhausted || _used + characters > MaxCharacters)
        {
            Exhausted = true;
            return false;
        }
        _used += characters;
        return true;
    }

    public string Warning => $"file lists longer than {MaxCharacters} characters in all; later files are not listed";
}
