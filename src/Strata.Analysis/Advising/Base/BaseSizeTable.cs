using System.Text.Json;
using System.Text.Json.Serialization;

namespace Strata.Analysis.Advising.Base;

/// <summary>One official image's full and slim sizes, compressed, as the shipped table records them.</summary>
public sealed record BaseSize(
    string Repository, string Example, long Bytes, string? SlimSuffix, long? SlimBytes, string? Smaller);

/// <summary>The dated table of base-image sizes shipped inside Strata (Advising/Base/base-image-sizes.json), used offline.</summary>
public sealed record BaseSizeTable(string Recorded, string Source, IReadOnlyList<BaseSize> Bases)
{
    private const string ResourceName = "Strata.Analysis.Advising.base-image-sizes.json";

    public static BaseSizeTable Shipped { get; } = Load();

    public BaseSize? Find(string repository) => Bases.FirstOrDefault(b => b.Repository == repository);

    private static BaseSizeTable Load()
    {
        using var stream = typeof(BaseSizeTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded");
        return JsonSerializer.Deserialize(stream, BaseSizeJson.Default.BaseSizeTable)
            ?? throw new InvalidOperationException($"{ResourceName} is empty");
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BaseSizeTable))]
internal sealed partial class BaseSizeJson : JsonSerializerContext;
