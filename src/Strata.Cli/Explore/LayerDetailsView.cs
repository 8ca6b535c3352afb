using Strata.Analysis.Model;
using Strata.Cli.Rendering;
using Strata.Images.Layers;
using Terminal.Gui.ViewBase;

namespace Strata.Cli.Explore;

/// <summary>The Layer details pane: the selected layer's digest, diff_id, sizes and command.</summary>
internal sealed class LayerDetailsView(ImageAnalysis analysis, Func<int> selectedLayer) : RowsView
{
    protected override bool OnDrawingContent(DrawContext? context)
    {
        var layer = analysis.Layers[selectedLayer()];
        var compressed = layer.Compression == Compression.None ? "stored uncompressed" : $"{HumanSize.Format(layer.CompressedSize)} compressed";
        string[] lines =
        [
            $"Digest:  {layer.Digest}",
            $"DiffID:  {layer.DiffId}",
            $"Size:    {HumanSize.Format(layer.SizeBytes)} of files, {HumanSize.Format(layer.UncompressedSize)} tar, {compressed}",
            $"Dead:    {HumanSize.Format(layer.DeadBytes)}",
            $"Command: {Safe(DockerfileText.From(layer.CreatedBy))}",
        ];
        for (var row = 0; row < VisibleRows; row++)
        {
            Line(row, row < lines.Length ? lines[row] : "", Normal);
        }
        return true;
    }
}
