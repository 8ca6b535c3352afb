using System.IO.Compression;
using System.Text;

namespace Strata.Sbom.Tests.Binaries;

/// <summary>cargo-auditable's section contents: zlib-compressed JSON.</summary>
internal static class CargoAudit
{
    public const string ThreeCrates = """
        {"packages":[
          {"name":"hello","version":"0.1.0","source":"local","dependencies":[1,2],"root":true},
          {"name":"serde","version":"1.0.197","source":"crates.io","kind":"runtime"},
          {"name":"cc","version":"1.0.90","source":"crates.io","kind":"build"}
        ]}
        """;

    public static byte[] Compress(string json) => Compress(Encoding.UTF8.GetBytes(json));

    public static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }
        return output.ToArray();
    }
}
