using Strata.Images.Model;

namespace Strata.Images.Layers;

/// <summary>A layer blob written to <see cref="Path"/>: the digests and sizes of its tar and of the blob.</summary>
public sealed record WrittenBlob(string Path, Digest DiffId, long UncompressedSize, Digest Digest, long Size, string MediaType);
