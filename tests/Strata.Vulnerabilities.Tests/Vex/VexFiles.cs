using Strata.TestKit;
using Strata.Vulnerabilities.Vex;

namespace Strata.Vulnerabilities.Tests.Vex;

/// <summary>Writes OpenVEX documents, as the specification's examples are shaped, into a temporary folder.</summary>
internal sealed class VexFiles : IDisposable
{
    private readonly TempDirectory work = new();
    private int count;

    /// <summary>A v0.2.0 document with the given statements (JSON objects) and document timestamp.</summary>
    public string Write(string statements, string timestamp = "2024-01-10T12:00:00Z") => WriteRaw($$"""
        {
          "@context": "https://openvex.dev/ns/v0.2.0",
          "@id": "https://example.com/vex/{{count}}",
          "author": "Example Security Team",
          "timestamp": "{{timestamp}}",
          "version": 1,
          "statements": [{{statements}}]
        }
        """);

    public string WriteRaw(string json)
    {
        var file = work.File($"vex-{count++}.json");
        File.WriteAllText(file, json);
        return file;
    }

    public VexDocument Load(string statements, string timestamp = "2024-01-10T12:00:00Z") => VexDocument.Load(Write(statements, timestamp));

    public void Dispose() => work.Dispose();
}
