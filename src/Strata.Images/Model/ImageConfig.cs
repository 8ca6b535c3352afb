using System.Text.Json;

namespace Strata.Images.Model;

/// <summary>One history entry of an image config.</summary>
public sealed record HistoryEntry(string? CreatedBy, bool EmptyLayer, string? Comment);

/// <summary>The parts of an image config Strata reads: platform, layer diff_ids and history.</summary>
public sealed record ImageConfig(Platform Platform, IReadOnlyList<Digest> DiffIds, IReadOnlyList<HistoryEntry> History, ReadOnlyMemory<byte> Raw)
{
    public static ImageConfig Parse(ReadOnlyMemory<byte> json, string context)
    {
        using var document = JsonFields.Parse(json, context);
        var root = JsonFields.RequireObject(document.RootElement, context);
        var platform = new Platform(
            JsonFields.OptionalString(root, "os", context) ?? "unknown",
            JsonFields.OptionalString(root, "architecture", context) ?? "unknown",
            JsonFields.OptionalString(root, "variant", context));
        if (!root.TryGetProperty("rootfs", out var rootfs) || rootfs.ValueKind != JsonValueKind.Object)
        {
            throw new StrataException($"{context}: field 'rootfs' is missing");
        }
        var diffIds = JsonFields.MapArray(rootfs, "diff_ids", $"{context}: rootfs", (d, i) => d.ValueKind == JsonValueKind.String
            ? Digest.Parse(d.GetString()!, $"{context}: rootfs.diff_ids[{i}]")
            : throw new StrataException($"{context}: rootfs.diff_ids[{i}] must be a string"));
        var history = JsonFields.MapArray(root, "history", context, (h, i) =>
        {
            var where = $"{context}: history[{i}]";
            JsonFields.RequireObject(h, where);
            return new HistoryEntry(
                JsonFields.OptionalString(h, "created_by", where),
                JsonFields.OptionalBool(h, "empty_layer"),
                JsonFields.OptionalString(h, "comment", where));
        });
        return new ImageConfig(platform, diffIds, history, json);
    }

    /// <summary>
    /// The <c>created_by</c> of each layer: history entries matched in order to layers, skipping <c>empty_layer</c> ones.
    /// No history gives no commands; a history that does not fit the layers is an error.
    /// </summary>
    public IReadOnlyList<string?> LayerCommands(string context)
    {
        if (History.Count == 0)
        {
            return new string?[DiffIds.Count];
        }
        var layered = History.Where(h => !h.EmptyLayer).Select(h => h.CreatedBy).ToList();
        if (layered.Count != DiffIds.Count)
        {
            var relation = layered.Count > DiffIds.Count ? "more" : "fewer";
            throw new StrataException(
                $"{context}: history has {relation} non-empty entries ({layered.Count}) than rootfs.diff_ids has layers ({DiffIds.Count})");
        }
        return layered;
    }
}
