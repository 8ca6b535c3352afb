using System.Globalization;
using Strata.Dockerfile.Advice;

namespace Strata.Analysis.Advising.Size;

/// <summary>
/// The largest files the image's own layers add that no other finding explains, for a person to judge: a large
/// file may be the application itself, so no saving is claimed.
/// </summary>
internal static class LargeFileAdvisor
{
    /// <summary>Smaller files are not worth a finding of their own.</summary>
    public const long Threshold = 10_000_000;

    public const int Most = 5;

    public static IEnumerable<Advice> Advise(AdviceInput input, SavingsLedger ledger, VisibleFiles visible) =>
        visible.All
            .Where(f => input.IsOwn(f.Layer) && f.Entry.Size >= Threshold && !ledger.IsClaimed(f.Layer, f.Entry.Path))
            .OrderByDescending(f => f.Entry.Size).ThenBy(f => f.Entry.Path, StringComparer.Ordinal)
            .Take(Most)
            .Select(f => new Advice
            {
                Id = AdviceIds.LargeFile,
                Severity = AdviceSeverity.Info,
                Title = $"Large file /{f.Entry.Path}",
                Message = string.Create(CultureInfo.InvariantCulture,
                    $"/{f.Entry.Path} ({f.Entry.Size} bytes) from {ImageFiles.Layer(input, f.Layer)} is one of the largest files the image adds; check that it is needed at run time."),
                Line = input.Lines.Layer(f.Layer),
                LayerIndex = f.Layer,
                Paths = ["/" + f.Entry.Path],
                Fix = "Keep it out of the image if it is only needed to build (a build stage, .dockerignore), or fetch it at run time",
            });
}
