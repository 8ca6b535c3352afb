namespace Strata.Sbom.Capture;

/// <summary>
/// A file a cataloger asked for, as one layer stored it. <see cref="Visible"/> is false once a later layer hid it, or
/// once a later entry of the same layer stored the same path (a legal tar: the last entry wins).
/// </summary>
public sealed record CapturedFile(string Path, int Layer, long Size, int Mode, byte[] Content)
{
    private bool _visible = true;

    public bool Visible
    {
        get => _visible && !Superseded;
        internal set => _visible = value;
    }

    /// <summary>True when a later entry of the same layer stores the same path.</summary>
    internal bool Superseded { get; set; }

    /// <summary>
    /// The file's bytes: <see cref="Content"/>, or, for a file cataloged the moment it is read (an executable), a
    /// buffer lent to it only while it is cataloged. Catalogers of such files read this, and keep none of it.
    /// </summary>
    public ReadOnlyMemory<byte> Bytes => Lent ?? Content;

    internal ReadOnlyMemory<byte>? Lent { get; init; }
}
