using System.Globalization;

namespace Strata.Policy.Policies.Builtin;

/// <summary>The image is at most <c>size</c> bytes, measured <c>uncompressed</c> (as run, the default) or <c>compressed</c> (as pulled).</summary>
public sealed class MaxImageSizePolicy(long limit, bool compressed) : IPolicy
{
    public const string PolicyName = "max-image-size";

    public const long DefaultLimit = 1_000_000_000;

    public string Name => PolicyName;

    public string Description => $"The image is at most {Bytes(limit)} {Measure}";

    private string Measure => compressed ? "compressed" : "uncompressed";

    public static MaxImageSizePolicy Read(PolicyParameters parameters)
    {
        var limit = parameters.Size("size", DefaultLimit);
        var compressed = parameters.Flag("compressed", false);
        parameters.Finish();
        return new MaxImageSizePolicy(limit, compressed);
    }

    public PolicyResult Evaluate(PolicyContext context)
    {
        var analysis = context.Assessment.Analysis;
        var size = compressed ? analysis.CompressedSize : analysis.UncompressedSize;
        var evidence = new[] { $"{Measure} size: {Bytes(size)}", $"limit: {Bytes(limit)}" };
        return size <= limit
            ? PolicyResult.Pass(Name, $"{Bytes(size)} {Measure}, within {Bytes(limit)}", evidence)
            : PolicyResult.Fail(Name, $"{Bytes(size)} {Measure}, over the {Bytes(limit)} limit by {Bytes(size - limit)}", evidence);
    }

    internal static string Bytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
}
