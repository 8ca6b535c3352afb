using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Fuzz;

/// <summary>
/// Turns a seed into one case: a seed image, a source format, a strata command, and one mutation of the image,
/// its files or its registry. Every choice comes from <c>new Random(seed)</c>, so a seed replays its case exactly.
/// </summary>
internal static class CaseGenerator
{
    private static readonly SourceKind[] AllSources = Enum.GetValues<SourceKind>();
    private static readonly SourceKind[] Manifested = [SourceKind.OciLayout, SourceKind.OciArchive, SourceKind.Registry];

    /// <summary>Each mutation, as often as it appears, with the sources it applies to.</summary>
    private static readonly (string Name, SourceKind[] Sources)[] Mutations =
    [
        ("none", AllSources),
        ("layer-tar", AllSources), ("layer-tar", AllSources), ("layer-tar", AllSources),
        ("package-file", AllSources), ("package-file", AllSources), ("package-file", AllSources),
        ("layer-blob", AllSources),
        ("config", AllSources), ("config", AllSources),
        ("manifest", AllSources),
        ("descriptor-lie", Manifested), ("descriptor-lie", Manifested),
        ("diff-id-lie", AllSources),
        ("layout-files", [SourceKind.OciLayout, SourceKind.OciArchive]),
        ("outer-archive", [SourceKind.OciArchive, SourceKind.DockerArchive]),
        ("canary-digest", Manifested),
        ("registry", [SourceKind.Registry]), ("registry", [SourceKind.Registry]),
        ("registry-fault", [SourceKind.Registry]), ("registry-fault", [SourceKind.Registry]),
    ];

    public static PreparedCase Prepare(int seed, Sandbox sandbox)
    {
        var random = new Random(seed);
        var log = new CaseLog();
        var (seedImage, source, command, reach, mutation) = Plan(random);
        log.Add($"{seedImage.Name} as {source}, strata {command}, mutation {mutation}");
        var image = new FuzzImage(seedImage);
        var files = new FileEdits();
        Mutate(mutation, image, source, files, sandbox, random, log);
        var built = image.Build();
        var (reference, servers) = Write(built, source, files, sandbox);
        var arguments = Arguments(command, reference, source, sandbox, random);
        return new PreparedCase(seed, arguments, reach, log, servers);
    }

    /// <summary>The first choices of a case, which a test can make without building the case.</summary>
    public static (SeedImage Image, SourceKind Source, string Command, Reach Reach, string Mutation) Plan(Random random)
    {
        var seedImage = SeedImage.All[random.Next(SeedImage.All.Count)];
        var source = (SourceKind)random.Next(4);
        var (command, reach) = Command(random);
        var applicable = Mutations.Where(m => m.Sources.Contains(source)).ToList();
        return (seedImage, source, command, reach, applicable[random.Next(applicable.Count)].Name);
    }

    private static (string Command, Reach Reach) Command(Random random) => random.Next(7) switch
    {
        0 or 1 => ("analyze", Reach.Content),
        2 or 3 => ("sbom", Reach.Content),
        4 => ("inspect", Reach.Manifest),
        _ => ("pull", Reach.Blobs),
    };

    private static List<string> Arguments(string command, string reference, SourceKind source, Sandbox sandbox, Random random)
    {
        var arguments = new List<string> { command, reference };
        switch (command)
        {
            case "analyze":
                arguments.AddRange(["--json", Path.Combine(sandbox.Output, "report.json")]);
                if (random.Next(3) == 0)
                {
                    arguments.AddRange(["--sbom", Path.Combine(sandbox.Output, "sbom.json")]);
                }
                break;
            case "sbom":
                arguments.AddRange(["--format", new[] { "json", "cyclonedx-json", "spdx-json" }[random.Next(3)], "-o", Path.Combine(sandbox.Output, "sbom.json")]);
                break;
            case "inspect":
                // A docker archive keeps no manifest, so --raw is rightly refused there.
                if (random.Next(2) == 0 && source != SourceKind.DockerArchive)
                {
                    arguments.Add("--raw");
                }
                break;
            default:
                arguments.AddRange(["--output", new[]
                {
                    $"oci:{Path.Combine(sandbox.Output, "layout")}:pulled",
                    $"oci-archive:{Path.Combine(sandbox.Output, "image.oci.tar")}",
                    $"docker-archive:{Path.Combine(sandbox.Output, "image.docker.tar")}",
                }[random.Next(3)]]);
                break;
        }
        if (random.Next(2) == 0)
        {
            arguments.AddRange(["--cache-dir", sandbox.Cache]);
        }
        return arguments;
    }

    private static void Mutate(string mutation, FuzzImage image, SourceKind source, FileEdits files, Sandbox sandbox, Random random, CaseLog log)
    {
        var layer = image.Layers.Count == 0 ? -1 : random.Next(image.Layers.Count);
        switch (mutation)
        {
            case "none":
                log.Accept("an unmutated image");
                break;
            case "layer-tar" when layer >= 0:
                ReplaceTar(image, layer, TarMutator.Mutate(image.Layers[layer].Tar, random, log), random, log);
                break;
            case "package-file" when layer >= 0:
                var withFile = Enumerable.Range(0, image.Layers.Count).Where(i => TarBlocks.Walk(image.Layers[i].Tar).Any(b => PackageFiles.IsInteresting(b.Name))).ToList();
                var target = withFile.Count > 0 ? withFile[random.Next(withFile.Count)] : layer;
                var mutated = PackageFiles.Mutate(image.Layers[target].Tar, random, log) ?? TarMutator.Mutate(image.Layers[target].Tar, random, log);
                ReplaceTar(image, target, mutated, random, log);
                break;
            case "layer-blob" when layer >= 0:
                log.Add($"layer {layer} blob (digest recomputed, diff_id not):");
                var old = image.Layers[layer];
                image.Layers[layer] = new FuzzLayer(old.Tar, ByteMutator.Mutate(old.Blob, random, log), old.Compression, old.CreatedBy);
                break;
            case "config":
                log.Add("config (digest recomputed):");
                image.EditConfig = bytes => JsonMutator.Mutate(bytes, random, log);
                break;
            case "manifest" when source != SourceKind.DockerArchive:
                log.Add("manifest (digest recomputed):");
                image.EditManifest = manifest => JsonMutator.Mutate(Encoding.UTF8.GetBytes(manifest.ToJsonString()), random, log);
                break;
            case "manifest":
                log.Add("docker manifest.json:");
                files.DockerManifest = built => JsonMutator.Mutate(Encoding.UTF8.GetBytes(ImageFormats.DockerManifest(built).ToJsonString()), random, log);
                break;
            case "descriptor-lie" when source != SourceKind.DockerArchive:
                DescriptorLies.Apply(image, random, log, sandbox, local: source != SourceKind.Registry);
                break;
            case "diff-id-lie" when layer >= 0:
                DiffIdLie(image, layer, random, log);
                break;
            case "layout-files" when source is SourceKind.OciLayout or SourceKind.OciArchive:
                LayoutFiles.Plan(files, source, random, log);
                break;
            case "outer-archive" when source is SourceKind.OciArchive or SourceKind.DockerArchive:
                if (random.Next(2) == 0)
                {
                    files.SharedArchive = Fixtures.Images(source == SourceKind.OciArchive ? "multistage.oci.tar" : "multistage.docker.tar");
                    log.Add($"the shared {Path.GetFileName(files.SharedArchive)} instead of the seed image");
                }
                files.OuterArchive = tar => random.Next(2) == 0
                    ? TarMutator.Mutate(tar, random, log, Reach.Manifest)
                    : ByteMutator.Mutate(tar, random, log);
                log.Add("outer archive:");
                break;
            case "canary-digest" when source != SourceKind.DockerArchive:
                CanaryDigest(image, layer, sandbox, random, log);
                break;
            case "registry" when source == SourceKind.Registry:
                RegistryLies.Plan(files, random, log);
                break;
            case "registry-fault" when source == SourceKind.Registry:
                RegistryFaults.Plan(files, random, log);
                break;
            default:
                log.Add($"mutation layer-tar, as {mutation} does not apply to {source}");
                if (layer >= 0)
                {
                    ReplaceTar(image, layer, TarMutator.Mutate(image.Layers[layer].Tar, random, log), random, log);
                }
                break;
        }
    }

    /// <summary>
    /// The config's or a layer's digest is <c>CANARY_FOLDER:HEX</c>, naming a file outside everything strata may read
    /// (the campaign's "local files read" class): joined into a cache or layout path, it opens that file.
    /// </summary>
    private static void CanaryDigest(FuzzImage image, int layer, Sandbox sandbox, Random random, CaseLog log)
    {
        var onConfig = random.Next(3) == 0;
        var lie = $"{sandbox.Canary}:{Sandbox.LeakName}";
        log.Add($"{(onConfig ? "config" : "layer")} digest is the path-shaped '{lie}'");
        log.Refuse("a digest that is a local path", onConfig ? Reach.Manifest : Reach.Blobs);
        if (!onConfig && layer >= 0)
        {
            // The config vouches for the canary's content, so only the digest stands between it and the report.
            image.KeepDiffIds = true;
            var canaryDiffId = OciImageBuilder.Sha256(File.ReadAllBytes(sandbox.LeakTar));
            image.Config["rootfs"] = new JsonObject
            {
                ["type"] = "layers",
                ["diff_ids"] = new JsonArray([.. image.Layers.Select((l, i) => JsonValue.Create(i == layer ? canaryDiffId : l.DiffId))]),
            };
        }
        image.EditManifest = manifest =>
        {
            var descriptor = onConfig ? manifest["config"]! : manifest["layers"]![Math.Max(0, layer)]!;
            descriptor["digest"] = lie;
            descriptor["size"] = new FileInfo(sandbox.LeakTar).Length;
            if (!onConfig)
            {
                descriptor["mediaType"] = "application/vnd.oci.image.layer.v1.tar";
            }
            return Encoding.UTF8.GetBytes(manifest.ToJsonString());
        };
    }

    /// <summary>Recompresses a mutated tar (sometimes in another format) so its blob digest and diff_id agree with it.</summary>
    private static void ReplaceTar(FuzzImage image, int layer, byte[] tar, Random random, CaseLog log)
    {
        var compression = random.Next(4) == 0 ? (LayerCompression)random.Next(3) : image.Layers[layer].Compression;
        log.Add($"layer {layer} recompressed as {compression}, digests recomputed");
        image.Layers[layer] = FuzzLayer.FromTar(tar, compression, image.Layers[layer].CreatedBy);
    }

    private static void DiffIdLie(FuzzImage image, int layer, Random random, CaseLog log)
    {
        var tar = image.Layers[layer].Tar;
        var lie = random.Next(4) switch
        {
            0 => OciImageBuilder.Sha256([.. tar, 0]),
            1 => "sha512:" + Convert.ToHexStringLower(SHA512.HashData([.. tar, 0])),
            2 => "md5:" + Convert.ToHexStringLower(MD5.HashData(tar)),
            _ => image.Layers[layer].DiffId.ToUpperInvariant(),
        };
        log.Add($"diff_id of layer {layer} is {lie}");
        log.Refuse("a diff_id that does not match its layer", Reach.Content);
        image.KeepDiffIds = true;
        image.Config["rootfs"] = new JsonObject
        {
            ["type"] = "layers",
            ["diff_ids"] = new JsonArray([.. image.Layers.Select((l, i) => JsonValue.Create(i == layer ? lie : l.DiffId))]),
        };
    }

    private static (string Reference, IReadOnlyList<IAsyncDisposable> Servers) Write(BuiltImage built, SourceKind source, FileEdits files, Sandbox sandbox)
    {
        switch (source)
        {
            case SourceKind.OciArchive or SourceKind.DockerArchive when files.SharedArchive is { } shared:
                var copy = Path.Combine(sandbox.Input, Path.GetFileName(shared));
                File.WriteAllBytes(copy, File.ReadAllBytes(shared));
                ApplyOuter(copy, files);
                return ($"{(source == SourceKind.OciArchive ? "oci-archive" : "docker-archive")}:{copy}", []);
            case SourceKind.OciLayout:
            case SourceKind.OciArchive:
                var layout = Path.Combine(sandbox.Input, "layout");
                ImageFormats.WriteOciLayout(built, layout, files.Index?.Invoke(built), files.OciLayout);
                files.AfterLayout?.Invoke(built, layout);
                if (source == SourceKind.OciLayout)
                {
                    return ($"oci:{layout}:{ImageFormats.Tag}", []);
                }
                var archive = ImageFormats.PackFolder(layout, Path.Combine(sandbox.Input, "image.oci.tar"));
                Directory.Delete(layout, recursive: true);
                ApplyOuter(archive, files);
                return ($"oci-archive:{archive}:{ImageFormats.Tag}", []);
            case SourceKind.DockerArchive:
                var docker = Path.Combine(sandbox.Input, "image.docker.tar");
                ImageFormats.WriteDockerArchive(built, docker, files.DockerManifest?.Invoke(built));
                ApplyOuter(docker, files);
                return ($"docker-archive:{docker}", []);
            default:
                var server = StaticBlobServer.Start("not part of the image"u8.ToArray(), "fuzz");
                RegistryLies.Serve(server, built, files);
                if (files.Fault is not { } fault)
                {
                    return ($"{server.Host}/fuzz:{ImageFormats.Tag}", [server]);
                }
                var proxy = FaultProxy.Start(server.BaseUri);
                proxy.Inject(fault.Fault, fault.When, fault.Times);
                return ($"{proxy.Host}/fuzz:{ImageFormats.Tag}", [server, proxy]);
        }
    }

    private static void ApplyOuter(string archive, FileEdits files)
    {
        if (files.OuterArchive is { } edit)
        {
            File.WriteAllBytes(archive, edit(File.ReadAllBytes(archive)));
        }
    }
}
