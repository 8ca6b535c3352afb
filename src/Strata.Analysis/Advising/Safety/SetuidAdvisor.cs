using System.Globalization;
using Strata.Dockerfile.Advice;

namespace Strata.Analysis.Advising.Safety;

/// <summary>Visible files with the setuid or setgid bit, one finding per layer that stores them.</summary>
internal static class SetuidAdvisor
{
    private const int SetUid = 0x800;
    private const int SetGid = 0x400;

    public static IEnumerable<Advice> Advise(AdviceInput input, Size.VisibleFiles visible)
    {
        var found = visible.All.Where(f => (f.Entry.Mode & (SetUid | SetGid)) != 0).GroupBy(f => f.Layer).OrderBy(g => g.Key);
        foreach (var layer in found)
        {
            var paths = layer.Select(f => "/" + f.Entry.Path).Order(StringComparer.Ordinal).ToList();
            var own = input.IsOwn(layer.Key);
            yield return new Advice
            {
                Id = AdviceIds.SetuidFile,
                Severity = own ? AdviceSeverity.Warning : AdviceSeverity.Info,
                Title = string.Create(CultureInfo.InvariantCulture, $"{paths.Count} setuid/setgid file{(paths.Count == 1 ? "" : "s")} in layer {layer.Key}{(own ? "" : " (base image)")}"),
                Message = string.Create(CultureInfo.InvariantCulture,
                    $"{Size.ImageFiles.Layer(input, layer.Key)} stores {paths.Count} file{(paths.Count == 1 ? "" : "s")} that run with their owner's or group's rights whoever starts them: {string.Join(", ", paths.Take(10))}{(paths.Count > 10 ? ", …" : "")}."),
                Line = input.Lines.Layer(layer.Key),
                LayerIndex = layer.Key,
                Paths = paths,
                Fix = "Remove the bits where they are not needed: RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + (or drop the packages that bring them)",
            };
        }
    }
}
