using Strata.Images.Model;

namespace Strata.Images.Sources;

/// <summary>One image picked out of a source: its manifest, config and layers, ready to stream.</summary>
public sealed class ResolvedImage(
    string name,
    Digest? manifestDigest,
    Digest configDigest,
    ImageConfig config,
    IReadOnlyList<LayerBlob> layers,
    IDisposable? owned) : IDisposable
{
    public string Name { get; } = name;

    /// <summary>The digest of the manifest, where the source has one (registries, OCI layouts, newer docker archives).</summary>
    public Digest? ManifestDigest { get; } = manifestDigest;

    public Digest ConfigDigest { get; } = configDigest;

    public ImageConfig Config { get; } = config;

    public Platform Platform => Config.Platform;

    public IReadOnlyList<LayerBlob> Layers { get; } = layers;

    /// <summary>The manifest as stored or served, where the source has one.</summary>
    public ImageManifest? Manifest { get; init; }

    /// <summary>The manifest or index exactly as the source served it for the reference (what <c>inspect --raw</c> prints).</summary>
    public ReadOnlyMemory<byte>? ServedBytes { get; init; }

    /// <summary>The platforms of the index the image was picked from (empty when there was no index).</summary>
    public IReadOnlyList<Platform> IndexPlatforms { get; init; } = [];

    /// <summary>The digest of the index the image was picked from, where the reference named one.</summary>
    public Digest? IndexDigest { get; init; }

    public void Dispose() => owned?.Dispose();
}
