using System.Text.Json;
using Json.Schema;

namespace Strata.Sbom.Tests.Output;

/// <summary>
/// The official CycloneDX 1.6 and SPDX 2.3 JSON schemas (committed under Schemas/, see SOURCES.md there), with the
/// schemas CycloneDX refers to registered so that every <c>$ref</c> resolves offline; formats are checked too.
/// </summary>
public static class SbomSchemas
{
    private const string CycloneDxBase = "http://cyclonedx.org/schema/";

    private static readonly Lazy<(JsonSchema CycloneDx, JsonSchema Spdx)> Schemas = new(Load);

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    public static IReadOnlyList<string> CycloneDxErrors(byte[] json) => Errors(Schemas.Value.CycloneDx, json);

    public static IReadOnlyList<string> SpdxErrors(byte[] json) => Errors(Schemas.Value.Spdx, json);

    public static void AssertValidCycloneDx(byte[] json) => AssertNoErrors("CycloneDX 1.6", CycloneDxErrors(json));

    public static void AssertValidSpdx(byte[] json) => AssertNoErrors("SPDX 2.3", SpdxErrors(json));

    private static void AssertNoErrors(string schema, IReadOnlyList<string> errors)
    {
        if (errors.Count > 0)
        {
            Assert.Fail($"not valid {schema}:\n" + string.Join('\n', errors.Take(30)));
        }
    }

    private static IReadOnlyList<string> Errors(JsonSchema schema, byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, Evaluation);
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

    private static (JsonSchema, JsonSchema) Load()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        // The bom schema's $refs name the .SNAPSHOT. files (relative to its $id); register each under that URI too.
        foreach (var referenced in new[] { "spdx.SNAPSHOT.schema.json", "jsf-0.82.SNAPSHOT.schema.json" })
        {
            var schema = JsonSchema.FromText(Read(referenced), options);
            options.SchemaRegistry.Register(new Uri(CycloneDxBase + referenced), schema);
        }
        var cycloneDx = JsonSchema.FromText(Read("bom-1.6.SNAPSHOT.schema.json"), options);
        var spdx = JsonSchema.FromText(Read("spdx-2.3.schema.json"), options);
        return (cycloneDx, spdx);
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", file));
}
