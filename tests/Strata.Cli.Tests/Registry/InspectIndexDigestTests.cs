using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests.Registry;

/// <summary><c>inspect</c> of a multi-platform image shows the index digest, as skopeo reports it, besides the chosen manifest's.</summary>
public sealed class InspectIndexDigestTests(OpenRegistry registry) : IClassFixture<OpenRegistry>
{
    [Fact(Timeout = 120_000)]
    public async Task Inspect_of_an_index_shows_its_digest()
    {
        using var work = new TempDirectory();
        OciImageBuilder.WriteMultiPlatformLayout(work.File("layout"), "multi", nested: false,
            (new OciImageBuilder { Architecture = "amd64" }.Layer(new LayerBuilder().File("arch", "amd64")), "linux/amd64"),
            (new OciImageBuilder { Architecture = "arm64" }.Layer(new LayerBuilder().File("arch", "arm64")), "linux/arm64"));
        var reference = $"{registry.Host}/indexdigest/app:v1";
        var copied = await registry.Server.RunSkopeoAsync("--insecure-policy", "copy", "--all", "--dest-tls-verify=false",
            $"oci:{work.File("layout")}:multi", $"docker://{reference}");
        Assert.True(copied.Succeeded, copied.ToString());
        var skopeo = await registry.Server.RunSkopeoAsync("inspect", "--tls-verify=false", $"docker://{reference}");
        Assert.True(skopeo.Succeeded, skopeo.ToString());
        string indexDigest;
        using (var json = JsonDocument.Parse(skopeo.StandardOutput))
        {
            indexDigest = json.RootElement.GetProperty("Digest").GetString()!;
        }

        var asJson = await CliRunner.RunAsync(["inspect", reference, "--json", "--platform", "linux/arm64", "--cache-dir", work.File("cache")]);
        var asTable = await CliRunner.RunAsync(["inspect", reference, "--platform", "linux/arm64", "--cache-dir", work.File("cache")]);

        CliAssert.ExitCode(0, asJson);
        CliAssert.ExitCode(0, asTable);
        using var inspected = JsonDocument.Parse(asJson.StandardOutputBytes);
        Assert.Equal(indexDigest, inspected.RootElement.GetProperty("indexDigest").GetString());
        Assert.NotEqual(indexDigest, inspected.RootElement.GetProperty("manifestDigest").GetString());
        Assert.Contains(asTable.Out.Split('\n'), line => line.Contains("Index digest", StringComparison.Ordinal) && line.Contains(indexDigest, StringComparison.Ordinal));
    }
}
