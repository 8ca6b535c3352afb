using System.Globalization;
using Strata.Analysis.Model;
using Strata.Dockerfile.Advice;

namespace Strata.Analysis.Advising.Size;

/// <summary>
/// Build toolchains installed in the final image, from the package database: the bytes are the installed files of
/// those packages that the final file system shows, in the image's own layers, which a multi-stage build would leave
/// behind in its build stage. One finding per layer that installed them.
/// </summary>
internal static class ToolchainAdvisor
{
    public static IEnumerable<Advice> Advise(AdviceInput input, SavingsLedger ledger, VisibleFiles visible)
    {
        var files = new List<(int Layer, FileEntry Entry, string Package)>();
        foreach (var package in input.Packages.Where(p => Toolchains.IsToolchain(p.Ecosystem, p.Name)))
        {
            foreach (var path in package.Files)
            {
                if (visible.At(path) is { } file && input.IsOwn(file.Layer))
                {
                    files.Add((file.Layer, file.Entry, package.Name));
                }
            }
        }
        foreach (var layer in files.DistinctBy(f => f.Entry).GroupBy(f => f.Layer).OrderBy(g => g.Key))
        {
            var entries = ledger.ClaimAll(layer.Select(f => (f.Layer, f.Entry)));
            if (entries.Count == 0)
            {
                continue;
            }
            var claimed = entries.Select(e => e.Entry).ToHashSet();
            var packages = layer.Where(f => claimed.Contains(f.Entry)).Select(f => f.Package).Distinct().Order(StringComparer.Ordinal).ToList();
            var bytes = entries.Sum(e => e.Entry.Size);
            yield return new Advice
            {
                Id = AdviceIds.BuildToolchain,
                Severity = AdviceSeverity.Warning,
                Title = $"{ImageFiles.Layer(input, layer.Key)} leaves build tools in the final image: {Names(packages)}",
                Message = string.Create(CultureInfo.InvariantCulture,
                    $"{ImageFiles.Layer(input, layer.Key)} installs {packages.Count} build package{(packages.Count == 1 ? "" : "s")} ({string.Join(", ", packages)}) whose {entries.Count} files ({bytes} bytes) are only needed to build."),
                Line = input.Lines.Layer(layer.Key),
                LayerIndex = layer.Key,
                Bytes = bytes,
                Paths = ImageFiles.Paths(entries),
                Fix = "Use a multi-stage build: install the toolchain and build in a `FROM … AS build` stage, then COPY --from=build only the result into a slim final stage",
            };
        }
    }

    private static string Names(List<string> packages) =>
        packages.Count <= 4 ? string.Join(", ", packages) : string.Join(", ", packages.Take(4)) + string.Create(CultureInfo.InvariantCulture, $" and {packages.Count - 4} more");
}
