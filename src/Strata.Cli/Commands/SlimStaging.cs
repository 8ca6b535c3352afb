namespace Strata.Cli.Commands;

/// <summary>
/// The folder a slim image is written to before its proof: the rewritten layer blobs and an OCI layout of the whole
/// image. Deleted when disposed, whether the proof passed or not, so a failed slim leaves nothing behind.
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

    public string LayoutFolder => Path.Combine(Folder, "layout");

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
