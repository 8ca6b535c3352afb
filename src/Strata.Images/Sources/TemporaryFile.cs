namespace Strata.Images.Sources;

/// <summary>A file in the temporary folder, deleted when disposed.</summary>
internal sealed class TemporaryFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"strata-{Guid.NewGuid():N}.tar");

    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Best effort: the temporary folder is cleaned by the system too.
        }
    }
}
