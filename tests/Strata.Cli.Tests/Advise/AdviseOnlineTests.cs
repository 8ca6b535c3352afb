using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Cli.Tests.Advise;

/// <summary>
/// advise --online reads the slim base's size from the registry the base's label names (a real docker-registry here),
/// as strata inspect reads a manifest: the sum of its layer sizes for the platform.
/// </summary>
public sealed class AdviseOnlineTests
{
    /// <summary>An image whose one base layer (random, so it does not compress) is named by the OCI label.</summary>
    private static string WriteImage(string folder, string baseName, int baseBytes = 3_000_000)
    {
        var builder = new OciImageBuilder
        {
            EditConfig = config =>
            {
                config["config"] = new JsonObject
                {
                    ["User"] = "1000",
                    ["Labels"] = new JsonObject { ["org.opencontainers.image.base.name"] = baseName },
                };
                config["history"] = new JsonArray(
                    new JsonObject { ["created_by"] = "ADD rootfs.tar /" },
                    new JsonObject { ["created_by"] = "CMD [\"bash\"]", ["empty_layer"] = true },
                    new JsonObject { ["created_by"] = "COPY app /app" });
            },
        };
        builder.Layer(new LayerBuilder().File("usr/lib/base.bin", RandomNumberGenerator.GetBytes(baseBytes)), "ADD rootfs.tar /");
        builder.Layer(new LayerBuilder().File("app/run", "echo hi"), "COPY app /app");
        return builder.WriteOciLayout(folder);
    }

    private static long BaseLayerSize(string layout)
    {
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(layout, "index.json")));
        var digest = index.RootElement.GetProperty("manifests")[0].GetProperty("digest").GetString()!;
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(layout, "blobs", "sha256", digest[7..])));
        return manifest.RootElement.GetProperty("layers")[0].GetProperty("size").GetInt64();
    }

    [Fact(Timeout = 180_000)]
    public async Task The_slim_size_comes_from_the_registry_the_label_names()
    {
        await using var registry = await RegistryServer.StartAsync(RegistryAuth.Open, TestContext.Current.CancellationToken);
        using var slim = new TempDirectory();
        new OciImageBuilder().Layer(new LayerBuilder().File("etc/slim", RandomNumberGenerator.GetBytes(100_000))).WriteOciLayout(slim.Path);
        await registry.CopyWithSkopeoAsync($"oci:{slim.Path}:latest", "library/debian:12-slim", TestContext.Current.CancellationToken);
        var inspected = await registry.RunSkopeoAsync("inspect", "--raw", "--tls-verify=false", registry.DockerReference("library/debian:12-slim"));
        Assert.True(inspected.Succeeded, inspected.ToString());
        using var slimManifest = JsonDocument.Parse(inspected.StandardOutput);
        var slimSize = slimManifest.RootElement.GetProperty("layers").EnumerateArray().Sum(l => l.GetProperty("size").GetInt64());
        using var image = new TempDirectory();
        WriteImage(image.Path, $"{registry.Host}/library/debian:12");

        var result = await CliRunner.RunAsync(["advise", "oci:" + image.Path, "--online", "--format", "json"]);

        CliAssert.ExitCode(0, result);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var finding = json.RootElement.EnumerateArray().Single(f => f.GetProperty("id").GetString() == "STR3008");
        Assert.Equal(BaseLayerSize(image.Path) - slimSize, finding.GetProperty("bytes").GetInt64());
        Assert.Contains("from the registry", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains($"FROM debian:12-slim", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task An_unreachable_registry_is_a_warning_and_the_table_is_used()
    {
        using var image = new TempDirectory();
        var port = FreePort.Next();
        // Larger than the table's debian:12-slim, so that there is a saving to report.
        WriteImage(image.Path, $"127.0.0.1:{port}/library/debian:12", 35_000_000);

        var result = await CliRunner.RunAsync(["advise", "oci:" + image.Path, "--online", "--format", "json", "--timeout", "5s"]);

        CliAssert.ExitCode(0, result);
        Assert.Contains($"--online: the size of 127.0.0.1:{port}/library/debian:12-slim could not be read", result.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var finding = json.RootElement.EnumerateArray().Single(f => f.GetProperty("id").GetString() == "STR3008");
        // The table's debian slim figure.
        Assert.Equal(BaseLayerSize(image.Path) - 28_200_000, finding.GetProperty("bytes").GetInt64());
    }
}
