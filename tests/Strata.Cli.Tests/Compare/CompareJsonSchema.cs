using System.Text.Json;
using Json.Schema;

namespace Strata.Cli.Tests.Compare;

/// <summary>
/// The JSON shape the README's compare section documents, as a JSON schema written from that text: every key named
/// there, required, and no other.
/// </summary>
internal static class CompareJsonSchema
{
    private const string Text = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$defs": {
            "image": {"type": "object", "additionalProperties": false, "required": ["name", "manifestDigest", "configDigest", "platform"],
              "properties": {"name": {"type": "string"}, "manifestDigest": {"type": ["string", "null"]}, "configDigest": {"type": "string"}, "platform": {"type": "string"}}},
            "size": {"type": "object", "additionalProperties": false, "required": ["before", "after", "change"],
              "properties": {"before": {"type": "integer", "minimum": 0}, "after": {"type": "integer", "minimum": 0}, "change": {"type": "integer"}}},
            "layer": {"type": ["object", "null"], "additionalProperties": false, "required": ["digest", "diffId", "chainId", "compressedSize", "createdBy"],
              "properties": {"digest": {"type": "string"}, "diffId": {"type": "string"}, "chainId": {"type": "string"}, "compressedSize": {"type": "integer"}, "createdBy": {"type": ["string", "null"]}}},
            "type": {"enum": ["file", "directory", "symlink", "hardlink", "char-device", "block-device", "fifo"]},
            "file": {"type": "object", "additionalProperties": false, "required": ["path", "type", "size"],
              "properties": {"path": {"type": "string", "not": {"pattern": "^/"}}, "type": {"$ref": "#/$defs/type"}, "size": {"type": "integer"}}},
            "package": {"type": "object", "additionalProperties": false, "required": ["ecosystem", "name", "version", "purl"],
              "properties": {"ecosystem": {"type": "string"}, "name": {"type": "string"}, "version": {"type": "string"}, "purl": {"type": "string"}}},
            "versionChange": {"type": "object", "additionalProperties": false, "required": ["ecosystem", "name", "from", "to"],
              "properties": {"ecosystem": {"type": "string"}, "name": {"type": "string"}, "from": {"type": "string"}, "to": {"type": "string"}}},
            "vulnerability": {"type": "object", "additionalProperties": false, "required": ["id", "severity", "ecosystem", "package", "version"],
              "properties": {"id": {"type": "string"}, "severity": {"enum": ["critical", "high", "medium", "low", "unknown"]},
                             "ecosystem": {"type": "string"}, "package": {"type": "string"}, "version": {"type": "string"}}},
            "status": {"enum": ["pass", "fail", "skip", null]}
          },
          "type": "object", "additionalProperties": false,
          "required": ["before", "after", "worse", "sizes", "layers", "files", "packages", "vulnerabilities", "policies", "grades"],
          "properties": {
            "before": {"$ref": "#/$defs/image"},
            "after": {"$ref": "#/$defs/image"},
            "worse": {"type": "array", "items": {"enum": ["size", "package", "vulnerability", "policy"]}},
            "sizes": {"type": "object", "additionalProperties": false, "required": ["compressed", "uncompressed", "dead"],
              "properties": {"compressed": {"$ref": "#/$defs/size"}, "uncompressed": {"$ref": "#/$defs/size"}, "dead": {"$ref": "#/$defs/size"}}},
            "layers": {"type": "object", "additionalProperties": false, "required": ["before", "after", "shared", "sharedCompressedSize", "firstDifferent"],
              "properties": {"before": {"type": "integer"}, "after": {"type": "integer"}, "shared": {"type": "integer"}, "sharedCompressedSize": {"type": "integer"},
                "firstDifferent": {"type": ["object", "null"], "additionalProperties": false, "required": ["index", "before", "after"],
                  "properties": {"index": {"type": "integer"}, "before": {"$ref": "#/$defs/layer"}, "after": {"$ref": "#/$defs/layer"}}}}},
            "files": {"type": "object", "additionalProperties": false, "required": ["added", "removed", "changed"],
              "properties": {"added": {"type": "array", "items": {"$ref": "#/$defs/file"}}, "removed": {"type": "array", "items": {"$ref": "#/$defs/file"}},
                "changed": {"type": "array", "items": {"type": "object", "additionalProperties": false,
                  "required": ["path", "typeBefore", "typeAfter", "sizeBefore", "sizeAfter", "differences"],
                  "properties": {"path": {"type": "string"}, "typeBefore": {"$ref": "#/$defs/type"}, "typeAfter": {"$ref": "#/$defs/type"},
                    "sizeBefore": {"type": "integer"}, "sizeAfter": {"type": "integer"},
                    "differences": {"type": "array", "minItems": 1, "items": {"enum": ["type", "size", "content", "mode", "owner", "link target"]}}}}}}},
            "packages": {"type": "object", "additionalProperties": false, "required": ["added", "removed", "upgraded", "downgraded"],
              "properties": {"added": {"type": "array", "items": {"$ref": "#/$defs/package"}}, "removed": {"type": "array", "items": {"$ref": "#/$defs/package"}},
                "upgraded": {"type": "array", "items": {"$ref": "#/$defs/versionChange"}}, "downgraded": {"type": "array", "items": {"$ref": "#/$defs/versionChange"}}}},
            "vulnerabilities": {"type": ["object", "null"], "additionalProperties": false, "required": ["fixed", "introduced"],
              "properties": {"fixed": {"type": "array", "items": {"$ref": "#/$defs/vulnerability"}}, "introduced": {"type": "array", "items": {"$ref": "#/$defs/vulnerability"}}}},
            "policies": {"type": "object", "additionalProperties": false, "required": ["changed"],
              "properties": {"changed": {"type": "array", "items": {"type": "object", "additionalProperties": false, "required": ["name", "before", "after", "reason"],
                "properties": {"name": {"type": "string"}, "before": {"$ref": "#/$defs/status"}, "after": {"$ref": "#/$defs/status"}, "reason": {"type": "string"}}}}}},
            "grades": {"type": "object", "additionalProperties": false, "required": ["before", "after"],
              "properties": {"before": {"enum": ["A", "B", "C", "D", "F"]}, "after": {"enum": ["A", "B", "C", "D", "F"]}}}
          }
        }
        """;

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(Text));

    public static void AssertValid(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!result.IsValid)
        {
            var errors = (result.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
            Assert.Fail("not the documented shape:\n" + string.Join('\n', errors.Take(30)));
        }
    }
}
