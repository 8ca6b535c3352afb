using System.Globalization;

namespace Strata.Policy.Policies.Builtin;

/// <summary>
/// At most <c>size</c> dead bytes: file bytes stored in a layer that the final file system does not show (deleted
/// or replaced later), as <c>strata analyze</c> counts them. The largest dead files are the evidence.
/// </summary>
public sealed class MaxDeadBytesPolicy(long limit) : IPolicy
{
    public const string PolicyName = "max-dead-bytes";

    public const long DefaultLimit = 10_000_000;

    private const int EvidenceFiles = 10;

    public string Name => PolicyName;

    public string Description => $"At most {MaxImageSizePolicy.Bytes(limit)} stored in layers but hidden by later ones (dead bytes)";

    public static MaxDeadBytesPolicy Read(PolicyParameters parameters)
    {
        var limit = parameters.Size("size", DefaultLimit);
        parameters.Finish();
        return new MaxDeadBytesPolicy(limit);
    }

    public PolicyResult Evaluate(PolicyContext context)
    {
        var analysis = context.Assessment.Analysis;
        var dead = analysis.DeadBytes;
        var evidence = new List<string> { $"dead bytes: {MaxImageSizePolicy.Bytes(dead)}", $"limit: {MaxImageSizePolicy.Bytes(limit)}" };
        if (dead <= limit)
        {
            return PolicyResult.Pass(Name, $"{MaxImageSizePolicy.Bytes(dead)} dead, within {MaxImageSizePolicy.Bytes(limit)}", evidence);
        }
        evidence.AddRange(analysis.DeadFiles
            .OrderByDescending(f => f.Size).ThenBy(f => f.Path, StringComparer.Ordinal)
            .Take(EvidenceFiles)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"/{f.Path.TrimStart('/')}: {f.Size:N0} bytes (layer {f.StoredIn}, hidden by layer {f.KilledBy})")));
        return PolicyResult.Fail(Name, $"{MaxImageSizePolicy.Bytes(dead)} dead, over the {MaxImageSizePolicy.Bytes(limit)} limit", evidence);
    }
}
