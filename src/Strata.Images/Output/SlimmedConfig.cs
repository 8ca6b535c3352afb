using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.Images.Model;

namespace Strata.Images.Output;

/// <summary>
/// The config of a slimmed image, edited on the JSON tree of the original so that every field Strata does not know
/// (and every field it does but need not change: env, entrypoint, cmd, user, workdir, created) stays exactly as it was.
/// Only <c>rootfs.diff_ids</c>, the history entries of dropped layers and one label change.
/// </summary>
public static class SlimmedConfig
{
    public const string SlimLabel = "dev.strata.slim";

    private static readonly JsonSerializerOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="original">The source image's config bytes.</param>
    /// <param name="layerDiffIds">For each layer of the source, in order: its diff_id in the output, or null when it is dropped.</param>
    /// <param name="slimLabel">What was removed, stored as the <c>dev.strata.slim</c> label.</param>
    public static byte[] Rewrite(ReadOnlyMemory<byte> original, IReadOnlyList<Digest?> layerDiffIds, string slimLabel)
    {
        var root = Parse(original);
        if (root["rootfs"] is not JsonObject rootfs)
        {
            throw new StrataException("config: field 'rootfs' is missing");
        }
        rootfs["diff_ids"] = new JsonArray(layerDiffIds.OfType<Digest>().Select(d => (JsonNode)d.ToString()).ToArray());
        MarkDroppedLayers(root, layerDiffIds);
        Label(root, slimLabel);
        return JsonSerializer.SerializeToUtf8Bytes(root, Writing);
    }

    private static JsonObject Parse(ReadOnlyMemory<byte> original)
    {
        try
        {
            return JsonNode.Parse(original.Span) as JsonObject ?? throw new StrataException("config: not a JSON object");
        }
        catch (JsonException e)
        {
            throw new StrataException($"config: not valid JSON ({e.Message})");
        }
    }

    /// <summary>
    /// A dropped layer's history entry stays, marked <c>empty_layer</c>, so <c>docker history</c> keeps a row per
    /// Dockerfile line. A history that does not line up with the layers is left as it is: there is no telling which
    /// entry belongs to which layer.
    /// </summary>
    private static void MarkDroppedLayers(JsonObject root, IReadOnlyList<Digest?> layerDiffIds)
    {
        if (root["history"] is not JsonArray history)
        {
            return;
        }
        var layered = history.OfType<JsonObject>().Where(h => !IsEmptyLayer(h)).ToList();
        if (layered.Count != layerDiffIds.Count || history.Any(h => h is not JsonObject))
        {
            return;
        }
        for (var i = 0; i < layered.Count; i++)
        {
            if (layerDiffIds[i] is null)
            {
                layered[i]["empty_layer"] = true;
            }
        }
    }

    private static bool IsEmptyLayer(JsonObject entry) =>
        entry["empty_layer"] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    private static void Label(JsonObject root, string slimLabel)
    {
        if (root["config"] is not JsonObject config)
        {
            config = [];
            root["config"] = config;
        }
        if (config["Labels"] is not JsonObject labels)
        {
            labels = [];
            config["Labels"] = labels;
        }
        labels[SlimLabel] = slimLabel;
    }
}
