using System.Globalization;
using Strata.Dockerfile.Advice;

namespace Strata.Analysis.Advising.Size;

/// <summary>Package-manager caches and lists, build caches and temporary files the image's own layers keep: one finding per (kind, layer).</summary>
internal static class CacheAdvisor
{
    public static IEnumerable<Advice> Advise(AdviceInput input, SavingsLedger ledger)
    {
        var found = ImageFiles.Own(input)
            .Select(e => (e.Layer, e.Entry, Kind: CachePaths.Of(e.Entry.Path)))
            .Where(e => e.Kind is not null)
            .GroupBy(e => (e.Layer, e.Kind!))
            .OrderBy(g => g.Key.Layer);
        foreach (var group in found)
        {
            var entries = ledger.ClaimAll(group.Select(e => (e.Layer, e.Entry)));
            if (entries.Count == 0)
            {
                continue;
            }
            var (layer, kind) = group.Key;
            var bytes = entries.Sum(e => e.Entry.Size);
            yield return new Advice
            {
                Id = AdviceIds.PackageCache,
                Severity = AdviceSeverity.Warning,
                Title = $"{ImageFiles.Layer(input, layer)} keeps the {kind.Name}",
                Message = string.Create(CultureInfo.InvariantCulture,
                    $"{ImageFiles.Layer(input, layer)} stores {entries.Count} file{(entries.Count == 1 ? "" : "s")} ({bytes} bytes) of the {kind.Name}, which the image does not need to run."),
                Line = input.Lines.Layer(layer),
                LayerIndex = layer,
                Bytes = bytes,
                Paths = ImageFiles.Paths(entries),
                Fix = kind.Fix,
            };
        }
    }
}
