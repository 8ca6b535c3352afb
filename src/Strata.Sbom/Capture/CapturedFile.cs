namespace Strata.Sbom.Capture;

/// <summary>A file a cataloger asked for, as one layer stored it. <see cref="Visible"/> is false once a later layer hid it.</summary>
public sealed record CapturedFile(string Path, int Layer, long Size, int Mode, byte[] Content)
{
    public bool Visible { get; internal set; } = true;
}
