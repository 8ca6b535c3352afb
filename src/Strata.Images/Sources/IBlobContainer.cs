namespace Strata.Images.Sources;

/// <summary>Files addressed by relative path inside a folder or an archive: an OCI layout, a docker save archive.</summary>
public interface IBlobContainer : IDisposable
{
    /// <summary>What to call this container in messages (its path).</summary>
    string Name { get; }

    bool Exists(string path);

    long Length(string path);

    /// <summary>Opens one file for streaming; each call gets its own stream, so files can be read in parallel.</summary>
    Stream Open(string path);

    /// <summary>Reads a small file (a manifest or config) whole, refusing anything over <paramref name="limit"/> bytes.</summary>
    byte[] ReadSmall(string path, long limit = 16 * 1024 * 1024)
    {
        if (!Exists(path))
        {
            throw new StrataException($"{Name}: '{path}' is missing");
        }
        var length = Length(path);
        if (length > limit)
        {
            throw new StrataException($"{Name}: '{path}' is {length} bytes, over the {limit}-byte limit for metadata");
        }
        using var stream = Open(path);
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
