using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests.Registry;

/// <summary>Checks a pushed image from outside strata: skopeo reads its manifest and config, the layers come straight from the registry.</summary>
internal static class PushedLayers
{
    /// <summary>Every layer is a gzip stream whose content hashes to the config's diff_id at its index, as the image spec defines.</summary>
    public static async Task AssertGzippedAsync(RegistryServer server, string repository, string reference)
    {
        var raw = await server.RunSkopeoAsync("inspect", "--raw", "--tls-verify=false", reference);
        Assert.True(raw.Succeeded, raw.ToString());
        var config = await server.RunSkopeoAsync("inspect", "--config", "--raw", "--tls-verify=false", reference);
        Assert.True(config.Succeeded, config.ToString());
        using var manifest = JsonDocument.Parse(raw.StandardOutput);
        using var configJson = JsonDocument.Parse(config.StandardOutput);
        var diffIds = configJson.RootElement.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(d => d.GetString()).ToList();
        var layers = manifest.RootElement.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(diffIds.Count, layers.Count);
        using var http = new HttpClient();
        for (var i = 0; i < layers.Count; i++)
        {
            Assert.EndsWith("tar+gzip", layers[i].GetProperty("mediaType").GetString(), StringComparison.Ordinal);
            var blob = await http.GetByteArrayAsync(new Uri(server.BaseUri, $"v2/{repository}/blobs/{layers[i].GetProperty("digest").GetString()}"));
            Assert.Equal(layers[i].GetProperty("size").GetInt64(), blob.LongLength);
            Assert.Equal([0x1f, 0x8b], blob[..2]);
            await using var gunzip = new GZipStream(new MemoryStream(blob), CompressionMode.Decompress);
            Assert.Equal(diffIds[i], "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(gunzip)));
        }
    }
}
