using System.Text.Json;
using Strata.Dockerfile.Advice;

namespace Strata.Dockerfile.Tests.Advice;

/// <summary>The JSON of issue 11 §4: an array whose objects have exactly the ten keys, nulls written out.</summary>
public sealed class AdviceJsonWriterTests
{
    private static readonly string[] Keys = ["id", "hadolint", "severity", "title", "message", "line", "layerIndex", "bytes", "paths", "fix"];

    [Fact]
    public void Each_finding_has_exactly_the_ten_keys_in_order_with_nulls_written()
    {
        var findings = new List<Strata.Dockerfile.Advice.Advice>
        {
            new()
            {
                Id = "STR1001", Hadolint = "DL3009", Severity = AdviceSeverity.Info, Title = "apt lists kept", Message = "m1",
                Line = 3, Paths = ["/var/lib/apt/lists"], Fix = "add && rm -rf /var/lib/apt/lists/*",
            },
            new()
            {
                Id = "STR3001", Severity = AdviceSeverity.Warning, Title = "big file deleted later", Message = "naïve \"quote\"",
                LayerIndex = 5, Bytes = 5_000_000,
            },
        };
        var stream = new MemoryStream();
        AdviceJsonWriter.Write(findings, stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, item => Assert.Equal(Keys, item.EnumerateObject().Select(p => p.Name)));

        var first = items[0];
        Assert.Equal("STR1001", first.GetProperty("id").GetString());
        Assert.Equal("DL3009", first.GetProperty("hadolint").GetString());
        Assert.Equal("info", first.GetProperty("severity").GetString());
        Assert.Equal(3, first.GetProperty("line").GetInt32());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("layerIndex").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("bytes").ValueKind);
        Assert.Equal(["/var/lib/apt/lists"], first.GetProperty("paths").EnumerateArray().Select(p => p.GetString()));

        var second = items[1];
        Assert.Equal(JsonValueKind.Null, second.GetProperty("hadolint").ValueKind);
        Assert.Equal("warning", second.GetProperty("severity").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("line").ValueKind);
        Assert.Equal(5, second.GetProperty("layerIndex").GetInt32());
        Assert.Equal(5_000_000, second.GetProperty("bytes").GetInt64());
        Assert.Equal(JsonValueKind.Array, second.GetProperty("paths").ValueKind);
        Assert.Empty(second.GetProperty("paths").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("fix").ValueKind);
        Assert.Equal("naïve \"quote\"", second.GetProperty("message").GetString());
    }

    [Fact]
    public void No_findings_is_an_empty_array()
    {
        var stream = new MemoryStream();
        AdviceJsonWriter.Write([], stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.Equal(0, json.RootElement.GetArrayLength());
    }

    [Fact]
    public void Error_severity_is_spelled_error()
    {
        Assert.Equal("error", AdviceJsonWriter.SeverityName(AdviceSeverity.Error));
    }
}
