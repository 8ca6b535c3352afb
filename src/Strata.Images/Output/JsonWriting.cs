using System.Text.Json;

namespace Strata.Images.Output;

/// <summary>What every JSON writer of Strata's needs beyond Utf8JsonWriter itself.</summary>
public static class JsonWriting
{
    private const int FlushThreshold = 1 << 20;

    /// <summary>The writer buffers everything until flushed: flushing as it goes keeps a big document out of memory.</summary>
    public static void FlushIfFull(this Utf8JsonWriter json)
    {
        if (json.BytesPending > FlushThreshold)
        {
            json.Flush();
        }
    }

    public static void WriteStringArray(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }
}
