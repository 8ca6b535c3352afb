using System.Globalization;
using Strata.Analysis.Model;
using Strata.Dockerfile.Advice;

namespace Strata.Analysis.Advising.Size;

/// <summary>
/// Files the image's own layers store that a later layer deletes or replaces: the bytes stay in the layer that stored
/// them. One finding per killing layer; a layer that stores the same content again under the same path (what
/// <c>chmod -R</c> or <c>chown -R</c> does) gets its own finding, as its fix is different.
/// </summary>
internal static class DeadBytesAdvisor
{
    public static IEnumerable<Advice> Advise(AdviceInput input, SavingsLedger ledger)
    {
        var dead = ImageFiles.Own(input).Where(e => e.Entry.IsDead).ToList();
        foreach (var killed in dead.GroupBy(e => e.Entry.KilledBy).OrderBy(g => g.Key))
        {
            var killer = killed.Key;
            var storedAgain = StoredAgainUnchanged(input.Analysis.Layers[killer], killed);
            var restored = ledger.ClaimAll(killed.Where(e => storedAgain.Contains(e.Entry)));
            if (restored.Count > 0)
            {
                yield return Restored(input, killer, restored);
            }
            var hidden = ledger.ClaimAll(killed.Where(e => !storedAgain.Contains(e.Entry)));
            if (hidden.Count > 0)
            {
                yield return Hidden(input, killer, hidden);
            }
        }
    }

    /// <summary>The dead entries <paramref name="killer"/> replaced with the very same content at the same path.</summary>
    private static HashSet<FileEntry> StoredAgainUnchanged(LayerAnalysis killer, IEnumerable<(int Layer, FileEntry Entry)> killed)
    {
        var written = killer.Entries.Where(e => e.IsRegularFile).GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return killed
            .Where(e => e.Entry.Cause == DeathCause.Overwritten && written.TryGetValue(e.Entry.Path, out var again)
                && again.Size == e.Entry.Size && again.ContentHash == e.Entry.ContentHash)
            .Select(e => e.Entry)
            .ToHashSet();
    }

    private static Advice Restored(AdviceInput input, int killer, List<(int Layer, FileEntry Entry)> entries)
    {
        var bytes = entries.Sum(e => e.Entry.Size);
        var stored = StoredIn(input, entries);
        return new Advice
        {
            Id = AdviceIds.RestoredUnchanged,
            Severity = AdviceSeverity.Warning,
            Title = $"{ImageFiles.Layer(input, killer)} stores {Count(entries.Count)} again with unchanged content",
            Message = string.Create(CultureInfo.InvariantCulture,
                $"{ImageFiles.Layer(input, killer)} writes {Count(entries.Count)} ({bytes} bytes) already stored by {stored} with the same content, so the image holds them twice: changing only their mode or owner (chmod -R, chown -R) copies every file into a new layer."),
            Line = input.Lines.Layer(killer),
            LayerIndex = killer,
            Bytes = bytes,
            Paths = ImageFiles.Paths(entries),
            Fix = "Set the mode and owner as the files are copied (COPY --chmod=755 --chown=user:group …) and drop the later chmod/chown RUN",
        };
    }

    private static Advice Hidden(AdviceInput input, int killer, List<(int Layer, FileEntry Entry)> entries)
    {
        var bytes = entries.Sum(e => e.Entry.Size);
        var stored = StoredIn(input, entries);
        var kinds = entries.Select(e => CachePaths.Of(e.Entry.Path)).Distinct().ToList();
        var what = kinds is [{ } kind] ? kind.Name : Count(entries.Count);
        var deletes = entries.All(e => e.Entry.Cause == DeathCause.Overwritten) ? "replaces" : "deletes";
        var storing = entries.Select(e => e.Layer).Distinct().Order().ToList();
        var fix = kinds is [{ } only]
            ? only.Fix
            : storing.Count == 1 && input.Lines.Layer(storing[0]) is { } line
                ? string.Create(CultureInfo.InvariantCulture, $"Delete or leave out these files in the instruction that creates them (line {line}), or build them in a separate stage and copy only what is needed")
                : "Delete or leave out these files in the instruction that creates them, or build them in a separate stage and copy only what is needed";
        return new Advice
        {
            Id = AdviceIds.DeadBytes,
            Severity = AdviceSeverity.Warning,
            Title = string.Create(CultureInfo.InvariantCulture, $"Layer {killer} {deletes} {what} still stored in {stored}"),
            Message = string.Create(CultureInfo.InvariantCulture,
                $"{ImageFiles.Layer(input, killer)} {deletes} {Count(entries.Count)} ({bytes} bytes) stored by {stored}: a later layer only hides files, their bytes are still downloaded and stored."),
            Line = input.Lines.Layer(killer),
            LayerIndex = killer,
            Bytes = bytes,
            Paths = ImageFiles.Paths(entries),
            Fix = fix,
        };
    }

    private static string StoredIn(AdviceInput input, List<(int Layer, FileEntry Entry)> entries)
    {
        var layers = entries.Select(e => e.Layer).Distinct().Order().ToList();
        return layers is [var one] ? ImageFiles.Layer(input, one) : "layers " + string.Join(", ", layers);
    }

    private static string Count(int files) => files == 1 ? "1 file" : string.Create(CultureInfo.InvariantCulture, $"{files} files");
}
