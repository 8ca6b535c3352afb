namespace Strata.Images.Sources;

/// <summary>
/// Files of a folder on disk, reached only by paths that stay inside it, and only when they are regular files (or
/// symlinks to one): a FIFO, device or socket is refused before it is opened.
/// </summary>
public sealed class DirectoryContainer(string root) : IBlobContainer
{
    private readonly string _root = Path.GetFullPath(root);

    public string Name => root;

    public bool Exists(string path) => File.Exists(Resolve(path));

    public long Length(string path) => new FileInfo(RequireRegular(path)).Length;

    public Stream Open(string path)
    {
        var full = RequireRegular(path);
        return new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
    }

    private string RequireRegular(string path)
    {
        var full = Resolve(path);
        IO.FileKind.RequireRegular(full, $"{Name}: '{path}'");
        return full;
    }

    private string Resolve(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new StrataException($"{Name}: path '{path}' leaves the image folder");
        }
        return full;
    }

    public void Dispose() { }
}
