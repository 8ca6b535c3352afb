using System.Globalization;
using Strata.Dockerfile.Advice;

namespace Strata.Analysis.Advising.Size;

/// <summary>Documentation, manual pages and translations in the image's own layers, one finding per layer.</summary>
internal static class DocumentationAdvisor
{
    public static IEnumerable<Advice> Advise(AdviceInput input, SavingsLedger ledger)
    {
        var found = ImageFiles.Own(input).Where(e => !e.Entry.IsDead && DocumentationPaths.Contains(e.Entry.Path)).GroupBy(e => e.Layer).OrderBy(g => g.Key);
        foreach (var group in found)
        {
            var entries = ledger.ClaimAll(group);
            if (entries.Count == 0)
            {
                continue;
            }
            var bytes = entries.Sum(e => e.Entry.Size);
            yield return new Advice
            {
                Id = AdviceIds.Documentation,
                Severity = AdviceSeverity.Info,
                Title = $"{ImageFiles.Layer(input, group.Key)} installs documentation, manual pages or translations",
                Message = string.Create(CultureInfo.InvariantCulture,
                    $"{ImageFiles.Layer(input, group.Key)} stores {entries.Count} file{(entries.Count == 1 ? "" : "s")} ({bytes} bytes) under /usr/share/doc, man, info or locale; a container never shows them (licence files are kept)."),
                Line = input.Lines.Layer(group.Key),
                LayerIndex = group.Key,
                Bytes = bytes,
                Paths = ImageFiles.Paths(entries),
                Fix = "Exclude them before installing packages (Debian: path-exclude lines for /usr/share/doc/*, /usr/share/man/*, /usr/share/locale/* in /etc/dpkg/dpkg.cfg.d/), or delete them in the same RUN that installs",
            };
        }
    }
}
