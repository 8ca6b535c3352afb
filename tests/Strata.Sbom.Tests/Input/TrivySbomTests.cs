using System.Diagnostics;
using Strata.Sbom.Input;
using Strata.Sbom.Tests.Language;
using Strata.TestKit;

namespace Strata.Sbom.Tests.Input;

/// <summary>
/// Trivy's CycloneDX SBOM of the wasteful image, read back, agrees with what Strata's own catalogers found there:
/// the deb packages' versions (Trivy moves the epoch to a purl qualifier) and source packages, and the layer that
/// brought the npm packages (Trivy gives only the diff_id; its place in the image's diff_id list is the index).
/// </summary>
public sealed class TrivySbomTests(WastefulSbom wasteful) : IClassFixture<WastefulSbom>
{
    [Fact(Timeout = 300_000)]
    public async Task Trivys_cyclonedx_reads_back_as_the_packages_strata_found()
    {
        using var work = new TempDirectory();
        var archive = work.File("wasteful.tar");
        var sbom = work.File("trivy.cdx.json");
        await Run("skopeo", ["--insecure-policy", "copy", $"oci:{Fixtures.OciLayout}:wasteful", $"docker-archive:{archive}:fixture/wasteful:latest"]);
        await Run(TrivyPath(), ["image", "--input", archive, "--format", "cyclonedx", "--skip-db-update", "--offline-scan",
            "--skip-files", "**/*.jar", "--cache-dir", work.File("trivy-cache"), "-o", sbom]);

        var read = SbomReader.Read(sbom);

        var strataDebs = wasteful.Sbom.Packages.Where(p => p.Ecosystem == "dpkg").ToDictionary(p => p.Name);
        var trivyDebs = read.Packages.Where(p => p.Ecosystem == "dpkg").ToList();
        Assert.True(trivyDebs.Count > 80, $"only {trivyDebs.Count} deb packages read");
        Assert.All(trivyDebs, p =>
        {
            var strata = strataDebs[p.Name];
            Assert.Equal((strata.Version, strata.SourceName, strata.Architecture), (p.Version, p.SourceName, p.Architecture));
        });
        Assert.Contains(trivyDebs, p => p.Version.Contains(':', StringComparison.Ordinal));
        Assert.Equal("debian", read.Os?.Id);

        var lodash = Assert.Single(read.Packages, p => p.Purl == "pkg:npm/lodash@4.17.15");
        var strataLodash = Assert.Single(wasteful.Sbom.Packages, p => p.Purl == "pkg:npm/lodash@4.17.15");
        Assert.Equal(("npm", "lodash", "4.17.15"), (lodash.Ecosystem, lodash.Name, lodash.Version));
        var location = Assert.Single(lodash.Locations);
        Assert.Equal((strataLodash.Locations[0].Path, strataLodash.Locations[0].Layer, strataLodash.Locations[0].DiffId), (location.Path, location.Layer, location.DiffId));
        Assert.Equal("dotnet", Assert.Single(read.Packages, p => p.Name == "Newtonsoft.Json").Ecosystem);
        Assert.StartsWith("sha256:", read.ConfigDigest, StringComparison.Ordinal);
    }

    private static string TrivyPath()
    {
        var path = Environment.GetEnvironmentVariable("STRATA_TRIVY") is { Length: > 0 } set ? set : "/opt/strata-tools/trivy";
        return File.Exists(path) ? path : throw new InvalidOperationException($"Trivy not found at {path}");
    }

    private static async Task Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["REGISTRY_AUTH_FILE"] = "/nonexistent/auth.json";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{program} failed ({process.ExitCode}): {await output}{await error}");
    }
}
