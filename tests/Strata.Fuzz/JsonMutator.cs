using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.Fuzz;

/// <summary>Mutations of a JSON document: one value replaced by a hostile one, a key removed, an array flooded, deep nesting.</summary>
internal static class JsonMutator
{
    private const string DeepMarker = "__strata_fuzz_deep__";

    private const string DuplicateMarker = "__strata_fuzz_duplicate__";

    private static readonly Func<Random, JsonNode?>[] HostileValues =
    [
        _ => JsonValue.Create("\u001b[2J\u001b]0;pwned\u0007"),
        _ => JsonValue.Create("line one\nstrata: error: forged line"),
        _ => JsonValue.Create(123),
        _ => JsonValue.Create(-1),
        _ => JsonValue.Create(long.MaxValue),
        _ => JsonValue.Create(1e300),
        _ => JsonValue.Create(true),
        _ => null,
        _ => new JsonArray(JsonValue.Create(123)),
        _ => new JsonObject(),
        _ => JsonValue.Create(""),
        _ => JsonValue.Create("../../../../etc/passwd"),
        random => JsonValue.Create(new string('x', random.Next(2) == 0 ? 70_000 : 3 * 1024 * 1024)),
        _ => JsonValue.Create(DeepMarker),
    ];

    public static byte[] Mutate(byte[] json, Random random, CaseLog log)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return ByteMutator.Mutate(json, random, log);
        }
        if (root is null || random.Next(8) == 0)
        {
            log.Add("json: raw bytes");
            return ByteMutator.Mutate(json, random, log);
        }
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        var where = target.GetPath();
        switch (random.Next(5))
        {
            case 0 when target.Parent is JsonObject parent:
                parent.Remove(target.GetPropertyName());
                log.Add($"json: {where} removed");
                break;
            case 1 when target.Parent is JsonArray array:
                var copies = random.Next(2) == 0 ? 20_000 : random.Next(2, 20);
                for (var i = 0; i < copies; i++)
                {
                    array.Add(target.DeepClone());
                }
                log.Add($"json: {where} repeated {copies} times");
                break;
            case 2 when target.Parent is JsonObject withDuplicate:
                var name = target.GetPropertyName();
                var member = $"{JsonSerializer.Serialize(name)}:{target.ToJsonString()}";
                withDuplicate[name] = JsonValue.Create(DuplicateMarker);
                log.Add($"json: key {where} given twice");
                return Encoding.UTF8.GetBytes(root.ToJsonString().Replace(
                    $"{JsonSerializer.Serialize(name)}:{JsonSerializer.Serialize(DuplicateMarker)}", member + "," + member, StringComparison.Ordinal));
            default:
                if (target == root)
                {
                    log.Add("json: document replaced by a string");
                    return Encoding.UTF8.GetBytes("\"not an object\"");
                }
                var value = HostileValues[random.Next(HostileValues.Length)](random);
                Replace(target, value);
                log.Add($"json: {where} = {Describe(value)}");
                break;
        }
        var result = root.ToJsonString();
        var depth = random.Next(2) == 0 ? 100_000 : 70;
        result = result.Replace(JsonSerializer.Serialize(DeepMarker), new string('[', depth) + new string(']', depth), StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(result);
    }

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        nodes.Add(node);
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            Collect(child, nodes);
        }
    }

    private static void Replace(JsonNode target, JsonNode? value)
    {
        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = value;
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = value;
                break;
        }
    }

    private static string Describe(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Contains(DeepMarker, StringComparison.Ordinal) ? "deeply nested arrays" : text.Length > 60 ? $"a {text.Length}-character value" : text;
    }
}
