using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Strata.Vulnerabilities.Tests.Reports;

/// <summary>
/// The official SARIF 2.1.0 schema (Schemas/, see SOURCES.md there), formats checked. The file declares draft-04,
/// which JsonSchema.Net does not evaluate; in memory it is read as draft-07, without its draft-04 <c>id</c> (no
/// keyword it uses means anything else there, and every <c>$ref</c> is local).
/// </summary>
public static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    public static IReadOnlyList<string> Errors(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(document.RootElement, Evaluation);
        if (result.IsValid)
        {
            return [];
        }
        return (result.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid, with no details")
            .ToList();
    }

    public static void AssertValid(byte[] json)
    {
        var errors = Errors(json);
        if (errors.Count > 0)
        {
            Assert.Fail("not valid SARIF 2.1.0:\n" + string.Join('\n', errors.Take(30)));
        }
    }

    private static JsonSchema Load()
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-schema-2.1.0.json")))!.AsObject();
        Assert.Equal("http://json-schema.org/draft-04/schema#", root["$schema"]!.GetValue<string>());
        root["$schema"] = "http://json-schema.org/draft-07/schema#";
        root.Remove("id"); // every $ref is local (#/definitions/…), so the base URI is not needed
        return JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }
}
