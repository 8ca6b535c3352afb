using Strata.Analysis.Model;

namespace Strata.Analysis.Explore;

/// <summary>The layers and layer-details panes' figures for one layer.</summary>
public sealed record LayerSummary(
    int Index,
    string Digest,
    string DiffId,
    long CompressedSize,
    long UncompressedSize,
    long SizeBytes,
    long DeadBytes,
    int Entries,
    int Added,
    int Modified,
    int Removed,
    int Unchanged,
    string? Command)
{
    public static LayerSummary Of(LayerAnalysis layer)
    {
        var counts = new int[4];
        foreach (var entry in layer.Entries)
        {
            counts[(int)entry.Change]++;
        }
        return new LayerSummary(
            layer.Index,
            layer.Digest.ToString(),
            layer.DiffId.ToString(),
            layer.CompressedSize,
            layer.UncompressedSize,
            layer.SizeBytes,
            layer.DeadBytes,
            layer.Entries.Count,
            counts[(int)ChangeKind.Added],
            counts[(int)ChangeKind.Modified],
            counts[(int)ChangeKind.Removed],
            counts[(int)ChangeKind.Unchanged],
            layer.CreatedBy);
    }
}

/// <summary>The image-details pane's figures; <see cref="TopWasted"/> are dive's inefficient paths, largest first.</summary>
public sealed record ImageSummary(
    string Name,
    long CompressedSize,
    long UncompressedSize,
    long SizeBytes,
    double Efficiency,
    long WastedBytes,
    double UserWastedPercent,
    long DeadBytes,
    double DeadPercent,
    long DuplicateBytes,
    IReadOnlyList<InefficientPath> TopWasted)
{
    public static ImageSummary Of(ImageAnalysis analysis) => new(
        analysis.Name,
        analysis.CompressedSize,
        analysis.UncompressedSize,
        analysis.Dive.SizeBytes,
        analysis.Dive.Efficiency,
        analysis.Dive.WastedBytes,
        analysis.Dive.UserWastedPercent,
        analysis.DeadBytes,
        analysis.DeadPercent,
        analysis.DuplicateBytes,
        analysis.Dive.InefficientFiles);
}
