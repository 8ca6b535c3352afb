using Strata.Analysis.Base;
using Strata.Analysis.Dockerfiles;
using Strata.Images.Model;

namespace Strata.Analysis.Advising;

/// <summary>
/// The Dockerfile line behind each layer and each of the image's own history entries (layers and settings such as
/// ENV and USER). The image's own entries are those after the base's: after the base's last CMD or ENTRYPOINT, as
/// <see cref="BaseImageDetector"/> finds the base, or after the base's last layer when only a count is known. Only
/// those are matched against the final stage, so a base entry never lands on a line of the Dockerfile.
/// </summary>
public sealed class LayerLines
{
    private readonly Dictionary<int, int> _layerLines = [];
    private readonly List<(HistoryDetail Entry, int? Line)> _ownHistory = [];

    public static LayerLines None { get; } = new();

    private LayerLines()
    {
    }

    public LayerLines(DockerfileLines dockerfile, IReadOnlyList<HistoryDetail> history, IReadOnlyList<string?> layerCommands, int firstOwnLayer)
    {
        FromLine = dockerfile.From?.StartLine;
        var layered = history.Select((h, i) => (h, i)).Where(x => !x.h.EmptyLayer).Select(x => x.i).ToList();
        if (layered.Count != layerCommands.Count)
        {
            // A history that does not match the layers: the layers' own commands are all there is.
            var own = Enumerable.Range(firstOwnLayer, Math.Max(0, layerCommands.Count - firstOwnLayer)).Select(l => (l, layerCommands[l]));
            foreach (var (layer, instruction) in dockerfile.Locate(own))
            {
                _layerLines[layer] = instruction?.StartLine ?? 0;
            }
            return;
        }
        var start = OwnHistoryStart(history, layered, firstOwnLayer);
        var located = dockerfile.Locate(Enumerable.Range(start, history.Count - start).Select(i => (i, history[i].CreatedBy)));
        for (var i = start; i < history.Count; i++)
        {
            _ownHistory.Add((history[i], located[i]?.StartLine));
        }
        for (var layer = firstOwnLayer; layer < layered.Count; layer++)
        {
            if (located.TryGetValue(layered[layer], out var instruction) && instruction is not null)
            {
                _layerLines[layer] = instruction.StartLine;
            }
        }
    }

    /// <summary>The final stage's FROM line, where the base's layers come from.</summary>
    public int? FromLine { get; }

    /// <summary>The line that built <paramref name="layer"/>: the FROM line for a base layer, null without a Dockerfile.</summary>
    public int? Layer(int layer) => _layerLines.TryGetValue(layer, out var line) && line > 0 ? line : FromLine;

    /// <summary>The line of the image's own last history entry that <paramref name="matches"/>, or null.</summary>
    public int? LastOwn(Func<string, bool> matches) =>
        _ownHistory.LastOrDefault(h => h.Entry.CreatedBy is { } c && matches(c)).Line;

    private static int OwnHistoryStart(IReadOnlyList<HistoryDetail> history, List<int> layered, int firstOwnLayer)
    {
        if (firstOwnLayer == 0)
        {
            return 0;
        }
        // The base's settings (its ENV, its CMD) follow its last layer; its CMD or ENTRYPOINT closes them.
        var afterBase = layered[firstOwnLayer - 1] + 1;
        var end = firstOwnLayer < layered.Count ? layered[firstOwnLayer] : history.Count;
        for (var i = end - 1; i >= afterBase; i--)
        {
            if (HistoryInstruction.SetsCommand(history[i].CreatedBy))
            {
                return i + 1;
            }
        }
        return afterBase;
    }
}
