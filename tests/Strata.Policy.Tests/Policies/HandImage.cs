using System.Text.Json.Nodes;
using Strata.Analysis;
using Strata.Images.Sources;
using Strata.Policy.Assessment;
using Strata.Policy.Policies;
using Strata.Sbom.Model;
using Strata.TestKit;
using Strata.Vulnerabilities.Matching;
using Strata.Vulnerabilities.Scanning;
using Strata.Vulnerabilities.Severity;

namespace Strata.Policy.Tests.Policies;

/// <summary>Images built here, layer by layer, and assessed as <c>strata policy</c> assesses them; and hand-made findings.</summary>
internal static class HandImage
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    /// <summary>An image of the given layers whose config carries <paramref name="config"/> (User, Env, Labels) and, optionally, a history.</summary>
    public static ImageAssessment Assess(TempDirectory work, IEnumerable<LayerBuilder> layers, JsonObject? config = null, JsonArray? history = null)
    {
        var builder = new OciImageBuilder
        {
            EditConfig = c =>
            {
                if (config is not null)
                {
                    c["config"] = config;
                }
                if (history is not null)
                {
                    c["history"] = history;
                }
            },
        };
        foreach (var layer in layers)
        {
            builder.Layer(layer);
        }
        var layout = builder.WriteOciLayout(work.File("image-" + Guid.NewGuid().ToString("N")));
        using var image = ImageOpener.OpenAsync(ImageReference.Parse($"oci:{layout}:latest"), new ImageSelector(), NoEngines, TestContext.Current.CancellationToken)
            .GetAwaiter().GetResult();
        return ImageAssessor.Assess(image, new AnalysisOptions(), new AssessmentOptions(), cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>A one-file image with the given config.</summary>
    public static ImageAssessment Simple(TempDirectory work, JsonObject? config = null) =>
        Assess(work, [new LayerBuilder().File("app/run.sh", "#!/bin/sh\necho hello\n", (UnixFileMode)0x1ED)], config);

    public static PolicyResult Judge(IPolicy policy, ImageAssessment assessment, PolicyEnvironment? environment = null) =>
        policy.Evaluate(new PolicyContext(assessment, environment ?? PolicyEnvironment.Offline));

    public static Package Package(string name, string version, string ecosystem = "npm", params string[] licenses) => new()
    {
        Ecosystem = ecosystem,
        Name = name,
        Version = version,
        Purl = $"pkg:{ecosystem}/{name}@{version}",
        Licenses = licenses,
    };

    public static ScanFinding Finding(
        string id, SeverityLevel level, Package package, string[]? fixedIn = null, string[]? aliases = null, DateTimeOffset? published = null, bool inBase = false) =>
        new(new Finding
        {
            Id = id,
            Aliases = aliases ?? [],
            Package = package,
            FixedVersions = fixedIn ?? [],
            Severity = new SeverityRating(level, null, null, "test"),
            Published = published,
            Ecosystem = package.Ecosystem,
        }, null, inBase ? 0 : 1, null, inBase);

    /// <summary>The assessment as if scanned against a database that found exactly <paramref name="findings"/>.</summary>
    public static ImageAssessment WithFindings(this ImageAssessment assessment, params ScanFinding[] findings) =>
        assessment with { Vulnerabilities = new ScanReport(new ScanTarget("hand", null, null, null, null), findings) };
}
