using Strata.Analysis;
using Strata.Images.Sources;
using Strata.Policy.Assessment;
using Strata.TestKit;
using Strata.Vulnerabilities.Matching;

namespace Strata.Policy.Tests.Comparison;

/// <summary>Images built by hand in a scratch folder and assessed as <c>strata compare</c> assesses them.</summary>
internal sealed class HandBuiltImages : IDisposable
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    private readonly TempDirectory _scratch = new();
    private int _count;

    public const string DebianRelease = "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n";

    /// <summary>A dpkg status file of installed packages, one stanza per (name, version).</summary>
    public static string DpkgStatus(params (string Name, string Version)[] packages) => string.Concat(packages.Select(p =>
        $"Package: {p.Name}\nStatus: install ok installed\nPriority: optional\nSection: misc\nInstalled-Size: 10\nMaintainer: Nobody <nobody@example.org>\nArchitecture: amd64\nVersion: {p.Version}\nDescription: {p.Name}\n\n"));

    public async Task<ImageAssessment> AssessAsync(OciImageBuilder image, InMemoryAdvisories? advisories = null)
    {
        var folder = image.WriteOciLayout(_scratch.File($"image{++_count}"));
        var cancellation = TestContext.Current.CancellationToken;
        using var opened = await ImageOpener.OpenAsync(ImageReference.Parse($"oci:{folder}:latest"), new ImageSelector(), NoEngines, cancellation);
        return ImageAssessor.Assess(opened, new AnalysisOptions(), new AssessmentOptions { Advisories = advisories }, cancellationToken: cancellation);
    }

    public void Dispose() => _scratch.Dispose();
}
