using Strata.Images.Sources;

namespace Strata.Benchmarks;

/// <summary>Finds the shared fixtures (../shared/fixtures beside the repository root) and opens images from OCI layouts.</summary>
internal static class BenchmarkImages
{
    public const string WastefulTag = "wasteful";

    /// <summary>The shared OCI layout that holds the <c>wasteful</c> image.</summary>
    public static string FixtureLayout => Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "fixtures", "images", "oci"));

    public static ResolvedImage Open(string layout, string tag)
    {
        var reference = ImageReference.Parse($"oci:{layout}:{tag}");
        var engines = new EngineEndpoints(new Uri("unix:///var/run/docker.sock"), new Uri("unix:///run/podman/podman.sock"));
        return ImageOpener.OpenAsync(reference, new ImageSelector(), engines, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The folder holding strata.slnx, searched upward from the binary (BenchmarkDotNet runs a copy of it deeper in bin/) and the working folder.</summary>
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "strata.slnx")))
                {
                    return directory.FullName;
                }
            }
        }
        throw new InvalidOperationException($"strata.slnx not found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}");
    }
}
