using Strata.Images.Model;

namespace Strata.Images.Sources;

/// <summary>
/// Where one layer's bytes are and what they must hash to. <see cref="ExpectedDigest"/> is null when the
/// source carries no compressed digest (a classic docker save archive); the diff_id is always known.
/// <see cref="StoredSize"/> is the blob's size where it is stored, used to schedule the largest layers first;
/// <see cref="Origin"/> says whether a registry layer is already in the local blob cache.
/// </summary>
public sealed record LayerBlob(
    int Index,
    string Location,
    Digest? ExpectedDigest,
    long? ExpectedSize,
    string? MediaType,
    Digest DiffId,
    string? CreatedBy,
    bool IsEStargz,
    long StoredSize,
    Func<Stream> Open,
    LayerOrigin Origin = LayerOrigin.Local);

/// <summary>Where a layer's bytes come from: a local file or engine, the blob cache, or the network.</summary>
public enum LayerOrigin
{
    Local,
    Cache,
    Network,
}
