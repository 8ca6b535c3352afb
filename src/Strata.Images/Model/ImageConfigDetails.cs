using System.Text.Json;

namespace Strata.Images.Model;

/// <summary>The run settings and full history of an image config, as <c>strata inspect</c> shows them.</summary>
public sealed record ImageConfigDetails(
    IReadOnlyList<string> Entrypoint,
    IReadOnlyList<string> Cmd,
    string? User,
    string? WorkingDir,
    IReadOnlyList<string> Env,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> ExposedPorts,
    string? Created,
    IReadOnlyList<HistoryDetail> History)
{
    public static ImageConfigDetails Parse(ReadOnlyMemory<byte> json, string context)
    {
        using var document = JsonFields.Parse(json, context);
        var root = document.RootElement;
        var config = root.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        IReadOnlyList<string> Strings(string name) =>
            config.ValueKind == JsonValueKind.Object && config.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
                ? v.EnumerateArray().Select(x => x.GetString()).OfType<string>().ToList()
                : [];
        string? Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var labels = config.ValueKind == JsonValueKind.Object && config.TryGetProperty("Labels", out var l) && l.ValueKind == JsonValueKind.Object
            ? l.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>();
        var ports = config.ValueKind == JsonValueKind.Object && config.TryGetProperty("ExposedPorts", out var p) && p.ValueKind == JsonValueKind.Object
            ? p.EnumerateObject().Select(x => x.Name).ToList()
            : [];
        var history = root.TryGetProperty("history", out var h) && h.ValueKind == JsonValueKind.Array
            ? h.EnumerateArray().Select(e => new HistoryDetail(
                Text(e, "created"), Text(e, "created_by"),
                e.TryGetProperty("empty_layer", out var empty) && empty.ValueKind == JsonValueKind.True, Text(e, "comment"))).ToList()
            : [];
        return new ImageConfigDetails(Strings("Entrypoint"), Strings("Cmd"), Text(config, "User"), Text(config, "WorkingDir"),
            Strings("Env"), labels, ports, Text(root, "created"), history);
    }
}

public sealed record HistoryDetail(string? Created, string? CreatedBy, bool EmptyLayer, string? Comment);
