using System.Formats.Tar;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Docker.DotNet;
using Docker.DotNet.Models;
using Strata.Cli.Tests.Registry;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>
/// Where a bare reference is read from (<c>--image-src</c>, dive's <c>--source</c>) and <c>docker-daemon:ID</c>,
/// against a real dockerd holding <c>fixture/multistage:latest</c> and a real registry.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ImageSourceEngineTests(DockerEngineFixture engine, OpenRegistry registry)
    : IClassFixture<DockerEngineFixture>, IClassFixture<OpenRegistry>, IDisposable
{
    /// <summary>The temporary file an engine's image save is spooled to (TemporaryFile's naming).</summary>
    private const string SpoolName = @"strata-[0-9a-f]{32}\.tar";

    private readonly TempDirectory _work = new();

    [Fact(Timeout = 120_000)]
    public async Task A_bare_reference_the_engine_has_is_read_from_the_engine_and_says_so()
    {
        var result = await CliRunner.RunAsync(["analyze", DockerEngineFixture.ImageName, "--json", "-"], engine.EngineEnvironment);

        CliAssert.ExitCode(0, result);
        Assert.Contains($"strata: {DockerEngineFixture.ImageName}: from the Docker engine at {engine.Engine.Endpoint}", result.Error, StringComparison.Ordinal);
        await AssertSameImageAsArchive(result);
    }

    [Theory(Timeout = 120_000)]
    [InlineData(DockerEngineFixture.ImageName)]
    [InlineData("docker://" + DockerEngineFixture.ImageName)]
    public async Task Dives_source_docker_reads_the_engine_even_with_dives_docker_scheme(string image)
    {
        var result = await CliRunner.RunAsync(["analyze", "--source", "docker", image, "--json", "-"], engine.EngineEnvironment);

        CliAssert.ExitCode(0, result);
        await AssertSameImageAsArchive(result);
    }

    [Fact(Timeout = 120_000)]
    public async Task Dives_source_docker_archive_reads_the_archive()
    {
        var result = await CliRunner.RunAsync(["analyze", "--source", "docker-archive", DockerEngineFixture.Archive, "--json", "-"]);

        CliAssert.ExitCode(0, result);
        await AssertSameImageAsArchive(result);
    }

    [Theory(Timeout = 120_000)]
    [InlineData(64, true)]
    [InlineData(64, false)]
    [InlineData(12, false)]
    public async Task An_image_id_full_or_short_reads_that_image_without_naming_a_temporary_file(int hexDigits, bool withAlgorithm)
    {
        var id = ConfigDigestHex(DockerEngineFixture.Archive)[..hexDigits];

        var result = await CliRunner.RunAsync(["analyze", "docker-daemon:" + (withAlgorithm ? "sha256:" : "") + id, "--json", "-"], engine.EngineEnvironment);

        CliAssert.ExitCode(0, result);
        await AssertSameImageAsArchive(result);
        Assert.DoesNotMatch(SpoolName, result.Error);
    }

    [Fact(Timeout = 120_000)]
    public async Task An_image_id_the_engine_lacks_is_named_in_the_error_and_no_temporary_path_is()
    {
        var result = await CliRunner.RunAsync(["analyze", "docker-daemon:0123456789ab", "--json", "-"], engine.EngineEnvironment);

        CliAssert.ExitCode(2, result);
        Assert.Contains($"has no image with ID '0123456789ab'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotMatch(SpoolName, result.Error);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_bare_reference_the_engine_lacks_comes_from_the_registry_and_says_so()
    {
        var reference = registry.Reference("multistage");

        var result = await CliRunner.RunAsync(
            ["analyze", reference, "--json", "-", "--cache-dir", CacheDirectory()], engine.EngineEnvironment);

        CliAssert.ExitCode(0, result);
        Assert.Contains($"strata: {reference}: from the registry {registry.Host}", result.Error, StringComparison.Ordinal);
        await AssertSameImage($"oci:{Fixtures.OciLayout}:multistage", result);
    }

    [Fact(Timeout = 120_000)]
    public async Task Without_remote_a_reference_the_engine_lacks_is_an_error()
    {
        var result = await CliRunner.RunAsync(["analyze", "no/such:image", "--image-src", "docker"], engine.EngineEnvironment);

        CliAssert.ExitCode(2, result);
        Assert.Contains($"IMAGE 'no/such:image': not found in the Docker engine at {engine.Engine.Endpoint}", result.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_image_src_order_decides_between_an_engine_and_a_registry_holding_the_same_name()
    {
        // The engine's image (multistage, 1 layer) now has the name the registry gives to wasteful (several layers).
        var name = $"{registry.Host}/team/wasteful";
        using (var configuration = new DockerClientConfiguration(engine.Engine.Endpoint))
        using (var client = configuration.CreateClient())
        {
            await client.Images.TagImageAsync(
                DockerEngineFixture.ImageName, new ImageTagParameters { RepositoryName = name, Tag = "v1" }, TestContext.Current.CancellationToken);
        }

        var engineFirst = await CliRunner.RunAsync(["analyze", name + ":v1", "--json", "-", "--cache-dir", CacheDirectory()], engine.EngineEnvironment);
        var registryFirst = await CliRunner.RunAsync(
            ["analyze", name + ":v1", "--image-src", "remote,docker", "--json", "-", "--cache-dir", CacheDirectory()], engine.EngineEnvironment);

        CliAssert.ExitCode(0, engineFirst);
        CliAssert.ExitCode(0, registryFirst);
        await AssertSameImageAsArchive(engineFirst);
        await AssertSameImage($"oci:{Fixtures.OciLayout}:wasteful", registryFirst);
        Assert.Contains($"from the registry {registry.Host}", registryFirst.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _work.Dispose();

    private string CacheDirectory() => _work.File("cache-" + Guid.NewGuid().ToString("N"));

    private static Task AssertSameImageAsArchive(CliResult result) => AssertSameImage("docker-archive:" + DockerEngineFixture.Archive, result);

    private static async Task AssertSameImage(string reference, CliResult result)
    {
        var fromArchive = await CliRunner.RunAsync(["analyze", reference, "--json", "-"]);
        CliAssert.ExitCode(0, fromArchive);
        var expected = JsonNode.Parse(fromArchive.StandardOutputBytes)!;
        var actual = JsonNode.Parse(result.StandardOutputBytes)!;
        Assert.Equal(expected["layer"]!.ToJsonString(), actual["layer"]!.ToJsonString());
        Assert.Equal(expected["image"]!.ToJsonString(), actual["image"]!.ToJsonString());
    }

    /// <summary>The engine's image ID of a classic docker save: the sha256 of the config file, hashed here from the archive.</summary>
    private static string ConfigDigestHex(string archive)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var reader = new TarReader(File.OpenRead(archive)))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is { } data)
                {
                    using var copy = new MemoryStream();
                    data.CopyTo(copy);
                    files[entry.Name.TrimStart('.', '/')] = copy.ToArray();
                }
            }
        }
        using var manifest = JsonDocument.Parse(files["manifest.json"]);
        var config = manifest.RootElement[0].GetProperty("Config").GetString()!;
        return Convert.ToHexStringLower(SHA256.HashData(files[config]));
    }
}
