using Strata.Analysis.Model;
using Strata.Cli.Rendering;
using Strata.Images;
using Strata.Images.Sources;

namespace Strata.Cli.Explore;

/// <summary>ctrl+e on a file: finds the layer whose tar holds the file's bytes and extracts it off the interface's thread.</summary>
internal sealed class ExtractionRequest(ImageAnalysis analysis, IReadOnlyList<LayerBlob> blobs, long maxLayerSize, string workingDirectory)
{
    /// <summary>Extracts <paramref name="path"/> as seen at <paramref name="upToLayer"/>; <paramref name="done"/> gets the message to show.</summary>
    public void Start(string path, int upToLayer, string folder, Action<string> done)
    {
        if (StoredIn(path, upToLayer) is not { } layer)
        {
            done($"/{TerminalText.Safe(path)}: no layer up to {upToLayer} stores its bytes");
            return;
        }
        var blob = blobs[layer];
        var target = Path.Combine(workingDirectory, folder.Length == 0 ? "." : folder);
        _ = Task.Run(() =>
        {
            string message;
            try
            {
                message = $"wrote {FileExtractor.Extract(blob, path, target, maxLayerSize)}";
            }
            catch (StrataException e)
            {
                message = "extract: " + e.Message;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                message = $"extract: {folder}: {e.Message}";
            }
            done(TerminalText.Message(message));
        });
    }

    /// <summary>The newest layer up to <paramref name="upToLayer"/> whose tar stores the file's bytes, or null when the newest entry is no file.</summary>
    private int? StoredIn(string path, int upToLayer)
    {
        for (var index = upToLayer; index >= 0; index--)
        {
            var entry = analysis.Layers[index].Entries.LastOrDefault(e => e.Path == path);
            if (entry is not null)
            {
                return entry.Kind == EntryKind.File ? index : null;
            }
        }
        return null;
    }
}
