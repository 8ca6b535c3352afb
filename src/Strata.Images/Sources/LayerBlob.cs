using Strata.Images.Model;

namespace Strata.Images.Sources;

/// <summary>
/// Where one layer's bytes are and what they must hash to. <see cref="ExpectedDigest"/> is null when the
/// source carries no compressed digest (a classic docker save archive); the diff_id is always known.
/// <see cref="StoredSize"/> is the blob's size where it is stored, used to schedule the largest layers first.
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
    Func<Stream> Open);
