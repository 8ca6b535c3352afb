using System.Globalization;
using Strata.Images;
using Strata.Images.Model;

namespace Strata.Analysis.Base;

/// <summary>
/// Finds the base image's layers from the image config alone (no base image is fetched, so it works offline).
/// <list type="number">
/// <item><c>--base-layers N</c>, when given, is the count.</item>
/// <item>
/// Otherwise the history: the trailing run of <c>empty_layer</c> entries is the image's own settings (its
/// <c>CMD</c>, <c>EXPOSE</c>, <c>ENV</c>…) and is passed over; walking on back, the first <c>CMD</c> or
/// <c>ENTRYPOINT</c> is the base's own last instruction, and every layer before it is the base's. Entries marked
/// <c>empty_layer</c> map to no layer. No such entry means the image was built <c>FROM scratch</c> (as a base
/// itself, or a multi-stage build's last stage), or from a base that sets no command: no base is reported. Only the
/// final stage of a multi-stage build is in the history, so builder stages never count.
/// </item>
/// <item>
/// The OCI labels <c>org.opencontainers.image.base.name</c> / <c>.base.digest</c>, when present, name the base;
/// they do not say how many layers it has (that needs the base image itself), so the count still comes from the
/// history rule, and the source is reported as <c>labels</c>. Labels are inherited, so an image built from a base
/// that carried them but that does not set its own names the base's base: the count is still the history's.
/// </item>
/// </list>
/// </summary>
public static class BaseImageDetector
{
    public const string BaseNameLabel = "org.opencontainers.image.base.name";
    public const string BaseDigestLabel = "org.opencontainers.image.base.digest";

    /// <summary>The base of a parsed image config; <paramref name="baseLayers"/> is the user's override, if any.</summary>
    public static BaseImage Detect(ImageConfig config, int? baseLayers = null)
    {
        var labels = config.Raw.IsEmpty ? new Dictionary<string, string>() : ImageConfigDetails.Parse(config.Raw, "config").Labels;
        return Detect(labels, config.History, config.DiffIds.Count, baseLayers);
    }

    public static BaseImage Detect(IReadOnlyDictionary<string, string> labels, IReadOnlyList<HistoryEntry> history, int layerCount, int? baseLayers)
    {
        var name = Label(labels, BaseNameLabel);
        var digest = Label(labels, BaseDigestLabel);
        if (baseLayers is { } given)
        {
            return new BaseImage(CheckOverride(given, layerCount), name, digest, "--base-layers", null);
        }
        var (layers, reason) = FromHistory(history, layerCount);
        if (name is not null || digest is not null)
        {
            return new BaseImage(layers, name, digest, "labels", layers is null
                ? $"the labels name the base ({name ?? digest}) but {reason}; give --base-layers N"
                : null);
        }
        return layers is null ? BaseImage.None(reason!) : new BaseImage(layers, null, null, "history", null);
    }

    /// <summary>The base's layer count by the history rule, or null and why not.</summary>
    public static (int? Layers, string? Reason) FromHistory(IReadOnlyList<HistoryEntry> history, int layerCount)
    {
        if (history.Count == 0)
        {
            return (null, "the image config has no history");
        }
        var layered = history.Count(h => !h.EmptyLayer);
        if (layered != layerCount)
        {
            return (null, string.Create(CultureInfo.InvariantCulture,
                $"the history's {layered} layer entries do not match the image's {layerCount} layers"));
        }
        var i = history.Count - 1;
        while (i >= 0 && history[i].EmptyLayer)
        {
            i--;
        }
        while (i >= 0 && !HistoryInstruction.SetsCommand(history[i].CreatedBy))
        {
            i--;
        }
        if (i < 0)
        {
            return (null, "the history shows no base image's CMD or ENTRYPOINT (built FROM scratch, or from a base that sets neither)");
        }
        return (history.Take(i).Count(h => !h.EmptyLayer), null);
    }

    private static int CheckOverride(int given, int layerCount)
    {
        if (given < 0)
        {
            throw new StrataException(string.Create(CultureInfo.InvariantCulture, $"--base-layers: {given} is negative"));
        }
        if (given > layerCount)
        {
            throw new StrataException(string.Create(CultureInfo.InvariantCulture,
                $"--base-layers: {given} is more than the image's {layerCount} layers"));
        }
        return given;
    }

    private static string? Label(IReadOnlyDictionary<string, string> labels, string key) =>
        labels.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
