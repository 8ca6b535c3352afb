using System.Globalization;
using Strata.Analysis.Model;
using Strata.Dockerfile.Advice;

namespace Strata.Analysis.Advising.Size;

/// <summary>
/// Visible files whose content is already at another visible path. In each group the copy in the lowest layer (then
/// the first path) is kept; the others in the image's own layers are counted, one finding per layer that added them.
/// </summary>
internal static class DuplicateAdvisor
{
    public static IEnumerable<Advice> Advise(AdviceInput input, SavingsLedger ledger, VisibleFiles visible)
    {
        var extra = new List<(int Layer, FileEntry Entry, string Kept)>();
        foreach (var group in input.Analysis.Duplicates)
        {
            var copies = group.Paths.Select(p => visible.At(p)).OfType<(int Layer, FileEntry Entry)>()
                .OrderBy(c => c.Layer).ThenBy(c => c.Entry.Path, StringComparer.Ordinal).ToList();
            if (copies.Count < 2)
            {
                continue;
            }
            var kept = "/" + copies[0].Entry.Path;
            extra.AddRange(copies.Skip(1).Where(c => input.IsOwn(c.Layer)).Select(c => (c.Layer, c.Entry, kept)));
        }
        foreach (var layer in extra.GroupBy(e => e.Layer).OrderBy(g => g.Key))
        {
            var entries = ledger.ClaimAll(layer.Select(e => (e.Layer, e.Entry)));
            if (entries.Count == 0)
            {
                continue;
            }
            var bytes = entries.Sum(e => e.Entry.Size);
            var largest = entries.MaxBy(x => x.Entry.Size).Entry;
            var example = layer.First(e => e.Entry == largest);
            yield return new Advice
            {
                Id = AdviceIds.Duplicates,
                Severity = AdviceSeverity.Info,
                Title = $"{ImageFiles.Layer(input, layer.Key)} adds files whose content the image already has",
                Message = string.Create(CultureInfo.InvariantCulture,
                    $"{ImageFiles.Layer(input, layer.Key)} stores {entries.Count} file{(entries.Count == 1 ? "" : "s")} ({bytes} bytes) identical to files at other paths (for example /{example.Entry.Path} is the same as {example.Kept})."),
                Line = input.Lines.Layer(layer.Key),
                LayerIndex = layer.Key,
                Bytes = bytes,
                Paths = ImageFiles.Paths(entries),
                Fix = "Copy each file once and link to it (ln -s or ln), or drop the copy that is not used",
            };
        }
    }
}
