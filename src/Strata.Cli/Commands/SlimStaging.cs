namespace Strata.Cli.Commands;

/// <summary>
/// The folder the rewritten layer blobs are written to before the proof; DEST links (or copies) them from here.
/// Deleted when disposed, whether the proof passed or not, so a failed slim leaves nothing behind.
/// </summary>
internal sealed class SlimStaging : IDisposable
{
    public SlimStaging(string parent)
    {
        Folder = Path.Combine(parent, $".strata-slim-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string LayersFolder => Path.Combine(Folder, "layers");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a hidden folder left behind is less harm than hiding the command's own outcome.
        }
    }
}
