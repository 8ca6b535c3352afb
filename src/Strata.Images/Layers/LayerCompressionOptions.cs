namespace Strata.Images.Layers;

/// <summary>How written layers are compressed; a null level is the format's usual default (gzip 6, zstd 3).</summary>
public sealed record LayerCompressionOptions(Compression Compression = Compression.Gzip, int? Level = null)
{
    public int EffectiveLevel => Level ?? (Compression == Compression.Zstd ? 3 : 6);

    public string MediaType => Compression switch
    {
        Compression.Gzip => "application/vnd.oci.image.layer.v1.tar+gzip",
        Compression.Zstd => "application/vnd.oci.image.layer.v1.tar+zstd",
        _ => "application/vnd.oci.image.layer.v1.tar",
    };

    /// <summary>The option's value checked: gzip takes levels 0-9, zstd 1-22.</summary>
    public static LayerCompressionOptions Checked(Compression compression, int? level)
    {
        var (low, high) = compression == Compression.Zstd ? (1, 22) : (0, 9);
        if (level is { } n && (n < low || n > high))
        {
            throw new StrataException(
                $"--compression-level {n}: {compression.ToString().ToLowerInvariant()} takes levels {low} to {high}");
        }
        return new LayerCompressionOptions(compression, level);
    }
}
