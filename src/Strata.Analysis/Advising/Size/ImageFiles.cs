using Strata.Analysis.Model;

namespace Strata.Analysis.Advising.Size;

/// <summary>The stored regular files of the image's own layers (the base's are the base finding's business).</summary>
internal static class ImageFiles
{
    public static IEnumerable<(int Layer, FileEntry Entry)> Own(AdviceInput input) =>
        input.Analysis.Layers
            .Where(l => input.IsOwn(l.Index))
            .SelectMany(l => l.Entries.Where(e => e.IsRegularFile && e.Size > 0).Select(e => (l.Index, e)));

    /// <summary>The first paths of a finding, largest first, with a leading slash.</summary>
    public static IReadOnlyList<string> Paths(IEnumerable<(int Layer, FileEntry Entry)> entries, int most = MostPaths) =>
        entries.OrderByDescending(e => e.Entry.Size).ThenBy(e => e.Entry.Path, StringComparer.Ordinal)
            .Select(e => "/" + e.Entry.Path).Distinct(StringComparer.Ordinal).Take(most).ToList();

    /// <summary>How many paths a finding lists; its message gives the full count.</summary>
    public const int MostPaths = 20;

    public static string Layer(AdviceInput input, int layer)
    {
        var command = input.Analysis.Layers[layer].CreatedBy;
        return command is null ? $"layer {layer}" : $"layer {layer} ({Shorten(command)})";
    }

    private static string Shorten(string command)
    {
        var text = Dockerfiles.DockerfileText.From(command);
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
