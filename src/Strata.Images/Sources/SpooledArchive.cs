namespace Strata.Images.Sources;

/// <summary>
/// An image archive read from a stream that cannot seek (standard input): copied to a temporary file, which
/// messages never name and which is deleted when this is disposed.
/// </summary>
public sealed class SpooledArchive : IDisposable
{
    private readonly TemporaryFile _file;

    private SpooledArchive(TemporaryFile file, ImageReference reference)
    {
        _file = file;
        Reference = reference;
    }

    /// <summary>The spooled archive as a docker archive or OCI archive reference, named <c>name</c> in messages.</summary>
    public ImageReference Reference { get; }

    public static async Task<SpooledArchive> FromAsync(Stream input, string name, CancellationToken cancellationToken)
    {
        var file = new TemporaryFile();
        try
        {
            await using (var output = new FileStream(file.Path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await CopyAsync(input, output, cancellationToken);
            }
            if (new FileInfo(file.Path).Length == 0)
            {
                throw new StrataException($"{name}: empty; pipe a docker archive or OCI archive in (docker save IMAGE | strata analyze -)");
            }
            var transport = ImageReference.SniffArchive(file.Path, name);
            return new SpooledArchive(file, new ImageReference(transport, file.Path, null, name) { LocationName = name });
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A pipe or terminal read does not watch a cancellation token, so a read still waiting when Ctrl+C comes is left
    /// behind rather than awaited: the command stops at once, and the temporary file goes with it.
    /// </summary>
    private static async Task CopyAsync(Stream input, Stream output, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken).AsTask().WaitAsync(cancellationToken)) > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    public void Dispose() => _file.Dispose();
}
