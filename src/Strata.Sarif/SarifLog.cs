using System.Text.Encodings.Web;
using System.Text.Json;

namespace Strata.Sarif;

/// <summary>
/// What every SARIF 2.1.0 log Strata writes (scan, lint, policy) shares: the writer's settings, the log and run around
/// the results, the tool's driver, and the text objects. Each writer fills in its own rules and results.
/// </summary>
public static class SarifLog
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Under the reserved <c>.invalid</c> domain until the project has a public home.</summary>
    public const string InformationUri = "https://strata.invalid/";

    public static Utf8JsonWriter Open(Stream output) =>
        new(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Opens the log and its one run: the run object is left open for the tool and the results.</summary>
    public static void StartRun(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
    }

    /// <summary>Closes the run (columns counted in UTF-16 code units, as .NET strings are) and the log.</summary>
    public static void EndRun(Utf8JsonWriter json)
    {
        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Opens <c>tool.driver</c> with Strata's name, version and home, and its <c>rules</c> array, for the caller's rules.</summary>
    public static void StartDriver(Utf8JsonWriter json, string toolVersion)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "strata");
        json.WriteString("version", toolVersion);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
    }

    /// <summary>Closes the rules, the driver and the tool.</summary>
    public static void EndDriver(Utf8JsonWriter json)
    {
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>A SARIF message or description: an object holding plain text.</summary>
    public static void WriteText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }
}
