namespace Strata.Fuzz;

/// <summary>Edits of the files around an image's blobs, planned by a mutation and applied when the image is written.</summary>
internal sealed class FileEdits
{
    public Func<BuiltImage, byte[]>? Index { get; set; }

    public byte[]? OciLayout { get; set; }

    /// <summary>Runs on a written OCI layout (to plant nested indexes, FIFOs, symlinks).</summary>
    public Action<BuiltImage, string>? AfterLayout { get; set; }

    public Func<BuiltImage, byte[]>? DockerManifest { get; set; }

    /// <summary>A shared archive (as skopeo wrote it) to mutate instead of the one written from the seed image.</summary>
    public string? SharedArchive { get; set; }

    /// <summary>Edits a whole archive file (OCI archive or docker archive) once it is written.</summary>
    public Func<byte[], byte[]>? OuterArchive { get; set; }

    /// <summary>A fault the registry's connection suffers on the requests it matches, this many times.</summary>
    public (TestKit.Fault Fault, Func<TestKit.ProxiedRequest, bool> When, int Times)? Fault { get; set; }

    /// <summary>Changes what the registry serves: path to bytes (null to serve nothing there) and content type.</summary>
    public Action<Dictionary<string, (byte[]? Bytes, string ContentType)>>? Registry { get; set; }
}
