namespace Strata.Benchmarks;

/// <summary>
/// The images the speed targets name: <c>wasteful</c> (the shared fixture), <c>big</c> (the 1.3 GB, 9-layer image that
/// ../shared/fixtures/build-big-image.sh builds into the folder STRATA_BENCH_BIG names; left out when it is unset) and
/// <c>million</c> (the generated 1,000,000-entry image).
/// </summary>
internal static class TargetImages
{
    public const string Wasteful = "wasteful";
    public const string Big = "big";
    public const string Million = "million";

    /// <summary>The images available here, in the order above.</summary>
    public static IEnumerable<string> Available(bool withMillion = true)
    {
        yield return Wasteful;
        if (BigFolder() is not null)
        {
            yield return Big;
        }
        if (withMillion)
        {
            yield return Million;
        }
    }

    /// <summary>The OCI layout and tag of an image (generating the million-file image the first time).</summary>
    public static (string Layout, string Tag) Layout(string image) => image switch
    {
        Wasteful => (BenchmarkImages.FixtureLayout, BenchmarkImages.WastefulTag),
        Big => (Path.Combine(RequireBigFolder(), "big-oci"), "big"),
        Million => (MillionFilesImage.EnsureLayout(), MillionFilesImage.Tag),
        _ => throw new ArgumentException($"unknown image '{image}': wasteful, big or million"),
    };

    /// <summary>The strata reference of the OCI layout.</summary>
    public static string OciReference(string image)
    {
        var (layout, tag) = Layout(image);
        return $"oci:{layout}:{tag}";
    }

    /// <summary>The big image's docker archive (which Trivy and strata sbom both read).</summary>
    public static string BigDockerArchive => Path.Combine(RequireBigFolder(), "big.docker.tar");

    private static string? BigFolder() =>
        Environment.GetEnvironmentVariable("STRATA_BENCH_BIG") is { Length: > 0 } folder
            && File.Exists(Path.Combine(folder, "big-oci", "index.json"))
            ? folder
            : null;

    private static string RequireBigFolder() =>
        BigFolder() ?? throw new InvalidOperationException(
            "STRATA_BENCH_BIG must name the folder ../shared/fixtures/build-big-image.sh wrote (holding big-oci and big.docker.tar)");
}
