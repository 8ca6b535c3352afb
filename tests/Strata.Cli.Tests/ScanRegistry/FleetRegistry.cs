using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests.ScanRegistry;

/// <summary>
/// A real registry holding the shared images under several names and tags, the advisory database scan reads, and the
/// facts the tests expect, read from the shared OCI layout itself (manifest digests, diff_ids, config creation times).
/// </summary>
public sealed class FleetRegistry : IAsyncLifetime
{
    /// <summary>Which shared image each reference holds.</summary>
    public static readonly IReadOnlyDictionary<string, string> Pushed = new Dictionary<string, string>
    {
        ["library/debian:12"] = "base",
        ["library/debian:latest"] = "base",
        ["team/wasteful:v1"] = "wasteful",
        ["team/wasteful:latest"] = "wasteful",
        ["apps/wasteful:latest"] = "wasteful",
        ["team/multistage:latest"] = "multistage",
        ["team/multistage:v2"] = "multistage",
        // Names that sort otherwise than the images' creation: base, then wasteful, then multistage.
        ["mixed/app:a-oldest"] = "base",
        ["mixed/app:b-newest"] = "multistage",
        ["mixed/app:c-middle"] = "wasteful",
    };

    public static readonly string[] Repositories = ["apps/wasteful", "library/debian", "mixed/app", "team/multistage", "team/wasteful"];

    public RegistryServer Server { get; private set; } = null!;

    public ScanDatabase Database { get; } = new();

    public string Host => Server.Host;

    public async ValueTask InitializeAsync()
    {
        Server = await RegistryServer.StartAsync(RegistryAuth.Open);
        foreach (var (reference, image) in Pushed)
        {
            await Server.CopyWithSkopeoAsync(RegistryServer.FixtureImage(image), reference);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Database.Dispose();
    }

    /// <summary>The manifest digest of a shared image, from the layout's index.json.</summary>
    public static string ManifestDigest(string image)
    {
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Fixtures.OciLayout, "index.json")));
        return index.RootElement.GetProperty("manifests").EnumerateArray()
            .Single(m => m.GetProperty("annotations").GetProperty("org.opencontainers.image.ref.name").GetString() == image)
            .GetProperty("digest").GetString()!;
    }

    /// <summary>A shared image's diff_ids, from its config.</summary>
    public static IReadOnlyList<string> DiffIds(string image) =>
        Config(image).GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(d => d.GetString()!).ToList();

    public static DateTimeOffset Created(string image) => Config(image).GetProperty("created").GetDateTimeOffset();

    private static JsonElement Config(string image)
    {
        var manifest = JsonDocument.Parse(File.ReadAllBytes(Blob(ManifestDigest(image)))).RootElement;
        return JsonDocument.Parse(File.ReadAllBytes(Blob(manifest.GetProperty("config").GetProperty("digest").GetString()!))).RootElement.Clone();
    }

    private static string Blob(string digest) => Path.Combine(Fixtures.OciLayout, "blobs", "sha256", digest["sha256:".Length..]);
}
