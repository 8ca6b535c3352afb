using Strata.Images.Model;

namespace Strata.Images.Sources;

/// <summary>Picks one manifest out of an index by platform: the one asked for, else the host's, else the only one.</summary>
public static class PlatformChooser
{
    public static Descriptor Choose(IReadOnlyList<Descriptor> manifests, Platform? wanted, string where)
    {
        // Attestation manifests carry the platform unknown/unknown; they are not images.
        var images = manifests.Where(m => m.Platform is not { Os: "unknown" }).ToList();
        if (images.Count == 0)
        {
            throw new StrataException($"{where}: the index lists no images");
        }
        if (wanted is null && images.Count == 1)
        {
            return images[0];
        }
        var target = wanted ?? Platform.Host;
        var match = images.FirstOrDefault(m => m.Platform is { } p && target.Accepts(p));
        if (match is not null)
        {
            return match;
        }
        var available = images.Select(m => m.Platform?.ToString() ?? "unspecified").Distinct();
        throw new StrataException($"{where}: no image for platform {target}; platforms available: {string.Join(", ", available)}");
    }
}
